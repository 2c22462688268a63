import { Clock, Tenant } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { ContactErrorCode, ContactException } from '../contact.exception';
import { BulkContactAction, BulkContactActionRequestDto, BulkContactActionResponseDto } from '../dto/contact-actions.request.dto';
import { ContactFilterResolver } from '../filters/contact-filter.resolver';
import { normalizeTags } from '../normalize/contact-input.normalizer';
import { CampaignContactRepository } from '../repositories/campaign-contact.repository';
import { ContactEventRepository, NewContactEvent } from '../repositories/contact-event.repository';
import { ContactQuery, ContactRepository } from '../repositories/contact.repository';
import { ContactEventType, EventActorKind } from '../schemas/contact-event.schema';
import { ContactSource } from '../schemas/contact.schema';
import { AssignContactsToCampaignUseCase } from './assign-contacts-to-campaign.usecase';

const BATCH_SIZE = 500;

/**
 * One action over a selection (ids) or everything a list filter matches. The matching contacts are
 * walked in _id batches, so a filter over 100,000 contacts never loads them all at once.
 */
@Injectable()
export class BulkContactActionUseCase {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly memberships: CampaignContactRepository,
    private readonly events: ContactEventRepository,
    private readonly assign: AssignContactsToCampaignUseCase,
    private readonly clock: Clock,
    private readonly filters: ContactFilterResolver,
  ) {}

  async execute(tenant: Tenant, input: BulkContactActionRequestDto): Promise<BulkContactActionResponseDto> {
    const query = await this.selectionOf(tenant, input);
    const act = await this.actionOf(tenant, input);
    let matched = 0;
    let modified = 0;
    await this.contacts.forEachIdBatch(tenant, query, BATCH_SIZE, async (ids) => {
      matched += ids.length;
      modified += await act(ids);
    });
    return { action: input.action, matched, modified };
  }

  private async selectionOf(tenant: Tenant, input: BulkContactActionRequestDto): Promise<ContactQuery> {
    const given = [input.ids, input.filter, input.segmentId].filter((selection) => selection !== undefined).length;
    if (given !== 1) throw new ContactException(ContactErrorCode.BulkSelectionInvalid, 'Give exactly one of ids, filter or segmentId');
    if (input.ids) return { _id: { $in: input.ids.map((id) => new Types.ObjectId(id)) } };
    return this.filters.resolve(tenant, input.segmentId ? { segmentId: input.segmentId } : (input.filter ?? {}));
  }

  private async actionOf(tenant: Tenant, input: BulkContactActionRequestDto): Promise<(ids: Types.ObjectId[]) => Promise<number>> {
    const now = this.clock.now();
    const event = (contactId: Types.ObjectId, type: ContactEventType, summary: string, data: Record<string, unknown>): NewContactEvent => ({
      contactId,
      type,
      occurredAt: now,
      actor: EventActorKind.User,
      summary,
      data,
    });
    switch (input.action) {
      case BulkContactAction.Tag:
      case BulkContactAction.Untag: {
        const tags = normalizeTags(input.tags ?? []);
        if (tags.length === 0) throw new ContactException(ContactErrorCode.BulkSelectionInvalid, `${input.action} needs tags`);
        const tagging = input.action === BulkContactAction.Tag;
        return async (ids) => {
          const changed = tagging ? await this.contacts.addTags(tenant, ids, tags) : await this.contacts.removeTags(tenant, ids, tags);
          const type = tagging ? ContactEventType.Tagged : ContactEventType.Untagged;
          await this.events.append(tenant, changed.map((id) => event(id, type, `${tagging ? 'Tagged' : 'Untagged'} ${tags.join(', ')}`, { tags })));
          return changed.length;
        };
      }
      case BulkContactAction.AddToCampaign: {
        if (!input.campaignId) throw new ContactException(ContactErrorCode.BulkSelectionInvalid, 'add-to-campaign needs campaignId');
        const campaign = await this.assign.requireOwnedCampaign(tenant, input.campaignId);
        return (ids) => this.assign.execute(tenant, { campaignId: campaign.id, contactIds: ids, source: ContactSource.Manual });
      }
      case BulkContactAction.MarkDoNotContact: {
        const reason = input.reason?.trim() || null;
        return async (ids) => {
          const changed = await this.contacts.markDoNotContact(tenant, ids, reason, now);
          await this.events.append(tenant, changed.map((id) => event(id, ContactEventType.MarkedDoNotContact, 'Marked do not contact', { reason })));
          return changed.length;
        };
      }
      case BulkContactAction.Delete:
        return async (ids) => {
          const deleted = await this.contacts.deleteMany(tenant, ids);
          await Promise.all([this.memberships.deleteForContacts(tenant, ids), this.events.deleteForContacts(tenant, ids)]);
          return deleted;
        };
    }
  }
}
