import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { WebhookEvent, WebhookEventStatus } from '../schemas/webhook-event.schema';

export type NewWebhookEvent = Pick<WebhookEvent, '_id' | 'provider' | 'eventId' | 'event' | 'raw' | 'receivedAt' | 'expiresAt'>;

const DUPLICATE_KEY = 11000;

/** Webhook events are stored before their tenant is known, so these queries are by id, not tenant. */
@Injectable()
export class WebhookEventRepository implements OnModuleInit {
  constructor(@InjectModel(WebhookEvent.name) private readonly events: Model<WebhookEvent>) {}

  /** Dedupe rests on the unique index: the first webhook after a fresh start must not arrive before it exists. */
  async onModuleInit(): Promise<void> {
    await this.events.init();
  }

  /** Inserts each event unless its provider + event id is stored already; returns the ids of the new ones. */
  async insertNew(events: NewWebhookEvent[]): Promise<Types.ObjectId[]> {
    if (events.length === 0) return [];
    const docs = events.map((e) => ({ ...e, status: WebhookEventStatus.Received, userId: null, executionId: null, attempts: 0, lastError: null, appliedAt: null, createdAt: e.receivedAt, updatedAt: e.receivedAt }));
    try {
      await this.events.collection.insertMany(docs, { ordered: false });
      return docs.map((d) => d._id);
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; index: number; err?: { code?: number; index?: number } }[] | { code?: number; index: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (list.length === 0 || list.some((e) => (e.code ?? (e as { err?: { code?: number } }).err?.code) !== DUPLICATE_KEY)) throw error;
      const refused = new Set(list.map((e) => e.index ?? (e as { err?: { index?: number } }).err?.index));
      return docs.filter((_, i) => !refused.has(i)).map((d) => d._id);
    }
  }

  findById(id: Types.ObjectId): Promise<WebhookEvent | null> {
    return this.events.findById(id).lean<WebhookEvent>().exec();
  }

  async settle(id: Types.ObjectId, status: WebhookEventStatus, set: Partial<Pick<WebhookEvent, 'userId' | 'executionId' | 'lastError' | 'appliedAt'>>): Promise<void> {
    await this.events.updateOne({ _id: id }, { $set: { status, ...set }, $inc: { attempts: 1 } }).exec();
  }

  /** The admin replay's selection. */
  async findIdsForReplay(filter: { ids?: Types.ObjectId[]; provider?: string; statuses: WebhookEventStatus[]; since?: Date }, limit: number): Promise<Types.ObjectId[]> {
    const rows = await this.events
      .find({ ...(filter.ids ? { _id: { $in: filter.ids } } : {}), ...(filter.provider ? { provider: filter.provider } : {}), status: { $in: filter.statuses }, ...(filter.since ? { receivedAt: { $gte: filter.since } } : {}) }, { _id: 1 })
      .sort({ receivedAt: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** The events applied to one execution (its provider receipts). */
  findForExecution(executionId: Types.ObjectId): Promise<Pick<WebhookEvent, 'provider' | 'eventId'>[]> {
    return this.events.find({ executionId }, { provider: 1, eventId: 1 }).sort({ receivedAt: 1 }).lean<Pick<WebhookEvent, 'provider' | 'eventId'>[]>().exec();
  }
}
