import { Tenant, tenantFilter } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import { ConsentChannel, Contact, ContactSource } from '../schemas/contact.schema';

export type ContactQuery = Record<string, unknown>;

export enum ContactSort {
  NewestFirst = '-createdAt',
  OldestFirst = 'createdAt',
  RecentlyUpdated = '-updatedAt',
  NameAscending = 'name',
  NameDescending = '-name',
  RecentlyContacted = '-lastContactedAt',
  LeastRecentlyContacted = 'lastContactedAt',
}

const SORTS: Record<ContactSort, Record<string, 1 | -1>> = {
  [ContactSort.NewestFirst]: { createdAt: -1, _id: -1 },
  [ContactSort.OldestFirst]: { createdAt: 1, _id: 1 },
  [ContactSort.RecentlyUpdated]: { updatedAt: -1, _id: -1 },
  [ContactSort.NameAscending]: { lastNameLower: 1, firstNameLower: 1, _id: 1 },
  [ContactSort.NameDescending]: { lastNameLower: -1, firstNameLower: -1, _id: -1 },
  [ContactSort.RecentlyContacted]: { 'campaignHistory.lastContactedAt': -1, _id: -1 },
  [ContactSort.LeastRecentlyContacted]: { 'campaignHistory.lastContactedAt': 1, _id: 1 },
};

export type ImportWrite = { insert: NewContact & { _id: Types.ObjectId } } | { id: Types.ObjectId; set: Partial<Contact> };

/** What import dedupe needs of an existing contact to merge a row into it. */
export type MergeCandidate = Pick<
  Contact,
  | '_id'
  | 'firstName'
  | 'lastName'
  | 'phones'
  | 'emails'
  | 'propertyAddress'
  | 'mailingAddress'
  | 'realEstate'
  | 'tags'
  | 'customFields'
  | 'doNotContact'
  | 'importOrigin'
  | 'phoneKeys'
  | 'emailKeys'
  | 'nameAddressKey'
  | 'timeZone'
  | 'timeZoneSource'
>;

/** A contact to insert; consent, opt-outs and campaign history start from the schema defaults. */
export type NewContact = Omit<Contact, '_id' | 'userId' | 'createdAt' | 'updatedAt' | 'consent' | 'optOuts' | 'campaignHistory'> &
  Partial<Pick<Contact, '_id' | 'consent' | 'optOuts' | 'campaignHistory'>>;

@Injectable()
export class ContactRepository {
  private defaultsTemplate?: Record<string, unknown>;

  constructor(@InjectModel(Contact.name) private readonly contacts: Model<Contact>) {}

  async create(tenant: Tenant, contact: NewContact): Promise<Contact> {
    const created = await this.contacts.create({ ...contact, ...tenantFilter(tenant) });
    return created.toObject();
  }

  findOne(tenant: Tenant, id: Types.ObjectId): Promise<Contact | null> {
    return this.contacts.findOne({ _id: id, ...tenantFilter(tenant) }).lean<Contact>().exec();
  }

  async findPage(tenant: Tenant, query: ContactQuery, sort: ContactSort, skip: number, limit: number): Promise<{ items: Contact[]; total: number }> {
    const filter = this.scoped(tenant, query);
    const [items, total] = await Promise.all([
      this.contacts.find(filter).sort(SORTS[sort]).skip(skip).limit(limit).lean<Contact[]>().exec(),
      this.contacts.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  count(tenant: Tenant, query: ContactQuery): Promise<number> {
    return this.contacts.countDocuments(this.scoped(tenant, query)).exec();
  }

  findSample(tenant: Tenant, query: ContactQuery, limit: number): Promise<Contact[]> {
    return this.contacts.find(this.scoped(tenant, query)).sort(SORTS[ContactSort.NewestFirst]).limit(limit).lean<Contact[]>().exec();
  }

  /** Replaces the given fields and returns the contact as it is now, or null when it is not the tenant's. */
  updateFields(tenant: Tenant, id: Types.ObjectId, update: UpdateQuery<Contact>): Promise<Contact | null> {
    return this.contacts.findOneAndUpdate({ _id: id, ...tenantFilter(tenant) }, update, { returnDocument: 'after' }).lean<Contact>().exec();
  }

  async deleteOne(tenant: Tenant, id: Types.ObjectId): Promise<boolean> {
    const result = await this.contacts.deleteOne({ _id: id, ...tenantFilter(tenant) }).exec();
    return result.deletedCount === 1;
  }

  /** Other contacts of the tenant that already hold one of these numbers or addresses (the 409 details). */
  findHoldersOfKeys(tenant: Tenant, dedupeKeys: string[], exceptId?: Types.ObjectId): Promise<Pick<Contact, '_id' | 'phoneKeys' | 'emailKeys'>[]> {
    if (dedupeKeys.length === 0) return Promise.resolve([]);
    return this.contacts
      .find({ ...tenantFilter(tenant), dedupeKeys: { $in: dedupeKeys }, ...(exceptId ? { _id: { $ne: exceptId } } : {}) }, { phoneKeys: 1, emailKeys: 1 })
      .lean<Pick<Contact, '_id' | 'phoneKeys' | 'emailKeys'>[]>()
      .exec();
  }

  /** Walks the ids matching a filter in _id order, a page at a time (a cursor, not skip). */
  async forEachIdBatch(tenant: Tenant, query: ContactQuery, batchSize: number, handle: (ids: Types.ObjectId[]) => Promise<void>): Promise<void> {
    let after: Types.ObjectId | null = null;
    for (;;) {
      const filter: ContactQuery = after ? { $and: [query, { _id: { $gt: after } }] } : query;
      const page = await this.contacts.find(this.scoped(tenant, filter), { _id: 1 }).sort({ _id: 1 }).limit(batchSize).lean<{ _id: Types.ObjectId }[]>().exec();
      if (page.length === 0) return;
      await handle(page.map((c) => c._id));
      if (page.length < batchSize) return;
      after = page[page.length - 1]._id;
    }
  }

  /** Returns the ids (of those given) that gained at least one of the tags. */
  async addTags(tenant: Tenant, ids: Types.ObjectId[], tags: string[]): Promise<Types.ObjectId[]> {
    const changing = await this.idsWhere(tenant, ids, { tags: { $not: { $all: tags } } });
    if (changing.length > 0) {
      await this.contacts.updateMany({ _id: { $in: changing }, ...tenantFilter(tenant) }, { $addToSet: { tags: { $each: tags } } }).exec();
    }
    return changing;
  }

  async removeTags(tenant: Tenant, ids: Types.ObjectId[], tags: string[]): Promise<Types.ObjectId[]> {
    const changing = await this.idsWhere(tenant, ids, { tags: { $in: tags } });
    if (changing.length > 0) await this.contacts.updateMany({ _id: { $in: changing }, ...tenantFilter(tenant) }, { $pullAll: { tags } }).exec();
    return changing;
  }

  async markDoNotContact(tenant: Tenant, ids: Types.ObjectId[], reason: string | null, at: Date): Promise<Types.ObjectId[]> {
    const changing = await this.idsWhere(tenant, ids, { doNotContact: { $ne: true } });
    if (changing.length > 0) {
      await this.contacts.updateMany({ _id: { $in: changing }, ...tenantFilter(tenant) }, { $set: { doNotContact: true, doNotContactReason: reason, doNotContactAt: at } }).exec();
    }
    return changing;
  }

  async deleteMany(tenant: Tenant, ids: Types.ObjectId[]): Promise<number> {
    const result = await this.contacts.deleteMany({ _id: { $in: ids }, ...tenantFilter(tenant) }).exec();
    return result.deletedCount;
  }

  /** Records a new campaign membership in the summary; a second call for the same campaign changes nothing. */
  async addCampaignToHistory(tenant: Tenant, ids: Types.ObjectId[], campaignId: Types.ObjectId, at: Date): Promise<void> {
    await this.contacts
      .updateMany(
        { _id: { $in: ids }, ...tenantFilter(tenant), 'campaignHistory.campaignIds': { $ne: campaignId } },
        { $push: { 'campaignHistory.campaignIds': campaignId }, $inc: { 'campaignHistory.totalCampaigns': 1 }, $set: { 'campaignHistory.lastAddedAt': at } },
      )
      .exec();
  }

  setConsent(tenant: Tenant, id: Types.ObjectId, channel: ConsentChannel, consent: Contact['consent'][ConsentChannel]): Promise<Contact | null> {
    return this.updateFields(tenant, id, { $set: { [`consent.${channel}`]: consent } });
  }

  /**
   * Existing contacts sharing a dedupe key with an import chunk. Keys go in slices of a few hundred
   * per query: one huge $in is slower to plan on MongoDB and is not served by the embedded server's
   * hash indexes at all.
   */
  async findMergeCandidates(tenant: Tenant, keys: { dedupeKeys: string[]; nameAddressKeys: string[] }): Promise<MergeCandidate[]> {
    const owner = tenantFilter(tenant);
    const projection = { consent: 0, optOuts: 0, searchTokens: 0, campaignHistory: 0 };
    const queries = [
      ...slices(keys.dedupeKeys, KEYS_PER_QUERY).map((slice) => ({ ...owner, dedupeKeys: { $in: slice } })),
      ...slices(keys.nameAddressKeys, KEYS_PER_QUERY).map((slice) => ({ ...owner, nameAddressKey: { $in: slice } })),
    ];
    const found = await Promise.all(queries.map((query) => this.contacts.find(query, projection).lean<MergeCandidate[]>().exec()));
    const byId = new Map<string, MergeCandidate>();
    for (const contact of found.flat()) byId.set(contact._id.toHexString(), contact);
    return [...byId.values()];
  }

  /**
   * Writes one import chunk: inserts of new contacts and $set merges into existing ones, unordered.
   * Inserts skip mongoose's per-document casting (the chunk was normalised already, and casting cost
   * more than the write itself); they start from the schema's defaults, so the stored shape stays the
   * schema's. Returns the indexes of the writes refused by a unique key (another writer got the
   * number first), which the caller retries as merges.
   */
  async applyImportWrites(tenant: Tenant, writes: ImportWrite[], now: Date): Promise<number[]> {
    const owner = tenantFilter(tenant);
    const inserts: Array<{ index: number; doc: Record<string, unknown> }> = [];
    const updates: Array<{ index: number; op: AnyBulkWriteOperation<Contact> }> = [];
    writes.forEach((write, index) => {
      if ('insert' in write) inserts.push({ index, doc: { ...this.defaults(), ...write.insert, ...owner, createdAt: now, updatedAt: now } });
      else updates.push({ index, op: { updateOne: { filter: { _id: write.id, ...owner }, update: { $set: write.set, ...unsetEmptyKeys(write.set) } } } });
    });
    const refused: number[] = [];
    if (inserts.length > 0) {
      try {
        await this.contacts.insertMany(inserts.map((i) => i.doc), { ordered: false, lean: true });
      } catch (error) {
        const duplicates = duplicateKeyIndexes(error);
        if (duplicates === null) throw error;
        refused.push(...duplicates.map((i) => inserts[i].index));
      }
    }
    if (updates.length > 0) {
      try {
        await this.contacts.bulkWrite(updates.map((u) => u.op), { ordered: false });
      } catch (error) {
        const duplicates = duplicateKeyIndexes(error);
        if (duplicates === null) throw error;
        refused.push(...duplicates.map((i) => updates[i].index));
      }
    }
    return refused;
  }

  /** A fresh copy of every schema default (consent, opt-outs, campaign history…), for lean inserts. */
  private defaults(): Record<string, unknown> {
    if (!this.defaultsTemplate) {
      const template = new this.contacts({ source: ContactSource.Manual, dedupeKeys: ['template'] }).toObject() as unknown as Record<string, unknown>;
      delete template['_id'];
      this.defaultsTemplate = template;
    }
    return clonePlain(this.defaultsTemplate);
  }

  private async idsWhere(tenant: Tenant, ids: Types.ObjectId[], condition: ContactQuery): Promise<Types.ObjectId[]> {
    const found = await this.contacts.find({ _id: { $in: ids }, ...tenantFilter(tenant), ...condition } as QueryFilter<Contact>, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>().exec();
    return found.map((c) => c._id);
  }

  private scoped(tenant: Tenant, query: ContactQuery): QueryFilter<Contact> {
    return { ...query, ...tenantFilter(tenant) } as QueryFilter<Contact>;
  }
}

const KEYS_PER_QUERY = 500;

/**
 * A deep copy of plain objects, arrays and dates, other values shared (ObjectIds are immutable).
 * structuredClone's serialisation cost more per imported row than building the rest of the document.
 */
function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = clonePlain((value as Record<string, unknown>)[key]);
    return copy as T;
  }
  return value;
}

function slices<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** A merge never leaves an empty dedupe array behind (the unique indexes only skip absent keys). */
function unsetEmptyKeys(set: Partial<Contact>): { $unset?: Record<string, 1> } {
  const unset: Record<string, 1> = {};
  for (const key of ['phoneKeys', 'emailKeys', 'nameAddressKey'] as const) if (!(key in set)) unset[key] = 1;
  return Object.keys(unset).length ? { $unset: unset } : {};
}

function duplicateKeyIndexes(error: unknown): number[] | null {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; index: number; err?: { code?: number; index?: number } }> }).writeErrors;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return null;
  const codes = writeErrors.map((e) => e.code ?? e.err?.code);
  if (codes.some((code) => code !== 11000)) return null;
  return writeErrors.map((e) => e.index ?? e.err?.index ?? -1);
}
