import { Page, pageOf, PageQueryDto, parseObjectId, skipOf, Tenant } from '@cadence/api-core';
import {
  AssignContactsToCampaignUseCase,
  compileContactFilter,
  ContactQuery,
  ContactSource,
  ListAudienceContactIdsUseCase,
  RemoveContactsFromCampaignUseCase,
  ResolveSegmentFilterUseCase,
  RestoreRemovedCampaignMembersUseCase,
} from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { AddCampaignContactsRequestDto, RemoveCampaignContactsRequestDto } from '../dto/campaign.request.dto';
import { AddCampaignContactsResponseDto, CampaignMemberResponseDto } from '../dto/campaign.response.dto';
import { CampaignMembershipRepository } from '../repositories/campaign-membership.repository';
import { CampaignActivityType } from '../schemas/campaign-activity.schema';
import { Campaign, CampaignStatus } from '../schemas/campaign.schema';
import { RecordCampaignActivityUseCase } from './campaign-activity.usecase';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

const BATCH_SIZE = 500;
const CLOSED = [CampaignStatus.Completed, CampaignStatus.Failed];

function parseIds(ids: string[]): Types.ObjectId[] {
  const parsed = ids.map(parseObjectId);
  const invalid = ids.filter((_, i) => parsed[i] === null);
  if (invalid.length > 0) throw new CampaignException(CampaignErrorCode.ContactSelectionInvalid, 'Some contact ids are not ids', { invalid });
  return parsed as Types.ObjectId[];
}

function requireOpen(campaign: Campaign, what: string): void {
  if (CLOSED.includes(campaign.status)) {
    throw new CampaignException(CampaignErrorCode.NotEditable, `A ${campaign.status} campaign ${what}`, { status: campaign.status });
  }
}

@Injectable()
export class ListCampaignContactsUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly members: CampaignMembershipRepository,
  ) {}

  async execute(tenant: Tenant, id: string, query: PageQueryDto): Promise<Page<CampaignMemberResponseDto>> {
    const campaign = await this.findCampaign.execute(tenant, id);
    const { items, total } = await this.members.findPage(tenant, campaign._id, skipOf(query), query.limit);
    const contacts = new Map((await this.members.findContacts(tenant, items.map((m) => m.contactId))).map((c) => [c._id.toHexString(), c]));
    return pageOf(
      items.map((m) => CampaignMemberResponseDto.from(m, contacts.get(m.contactId.toHexString()))),
      total,
      query,
    );
  }
}

/**
 * Adds contacts by ids, a saved segment or the contact list's filters, through the contact library's
 * assignment (memberships, history, timeline; idempotent). A contact removed earlier comes back.
 * Only the caller's contacts are ever matched: ids of others are ignored.
 */
@Injectable()
export class AddCampaignContactsUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly assign: AssignContactsToCampaignUseCase,
    private readonly restore: RestoreRemovedCampaignMembersUseCase,
    private readonly audience: ListAudienceContactIdsUseCase,
    private readonly resolveSegment: ResolveSegmentFilterUseCase,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, id: string, input: AddCampaignContactsRequestDto): Promise<AddCampaignContactsResponseDto> {
    const selections = [input.contactIds, input.segmentId, input.filter].filter((s) => s !== undefined);
    if (selections.length !== 1) throw new CampaignException(CampaignErrorCode.ContactSelectionInvalid, 'Give exactly one of contactIds, segmentId or filter');
    const campaign = await this.findCampaign.execute(tenant, id);
    requireOpen(campaign, 'takes no more contacts');
    const filter: ContactQuery = input.contactIds
      ? { _id: { $in: parseIds(input.contactIds) } }
      : input.segmentId
        ? await this.resolveSegment.execute(tenant, input.segmentId)
        : (compileContactFilter(input.filter ?? {}, tenant) as ContactQuery);
    const result: AddCampaignContactsResponseDto = { matched: 0, added: 0 };
    await this.audience.execute(tenant, filter, BATCH_SIZE, async (ids) => {
      const contactIds = ids.map((i) => new Types.ObjectId(i));
      result.matched += ids.length;
      result.added += await this.assign.execute(tenant, { campaignId: campaign._id, contactIds, source: ContactSource.Manual });
      result.added += await this.restore.execute(tenant, campaign._id, contactIds);
    });
    if (result.added > 0) {
      await this.activity.execute(tenant, { campaignId: campaign._id, type: CampaignActivityType.ContactsAdded, message: `${result.added} contact(s) added`, data: { added: result.added, matched: result.matched } });
    }
    return result;
  }
}

/**
 * Takes members out by ids or by the contact list's filters (applied to this campaign's members),
 * batch by batch; `onRemoved` gets each batch of removed contact ids (the send path cancels their
 * pending sends). Returns how many were removed.
 */
@Injectable()
export class RemoveCampaignContactsUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly remove: RemoveContactsFromCampaignUseCase,
    private readonly audience: ListAudienceContactIdsUseCase,
    private readonly activity: RecordCampaignActivityUseCase,
  ) {}

  async execute(tenant: Tenant, id: string, input: RemoveCampaignContactsRequestDto, onRemoved: (campaign: Campaign, contactIds: Types.ObjectId[]) => Promise<void>): Promise<number> {
    if ((input.contactIds === undefined) === (input.filter === undefined)) throw new CampaignException(CampaignErrorCode.ContactSelectionInvalid, 'Give exactly one of contactIds or filter');
    const campaign = await this.findCampaign.execute(tenant, id);
    requireOpen(campaign, 'keeps its members');
    let removed = 0;
    const handle = async (contactIds: Types.ObjectId[]) => {
      const gone = await this.remove.execute(tenant, campaign._id, contactIds);
      removed += gone.length;
      if (gone.length > 0) await onRemoved(campaign, gone);
    };
    if (input.contactIds) {
      const ids = parseIds(input.contactIds);
      for (let i = 0; i < ids.length; i += BATCH_SIZE) await handle(ids.slice(i, i + BATCH_SIZE));
    } else {
      // The filter is narrowed to this campaign's members, so it never walks the whole CRM.
      const filter = compileContactFilter({ ...(input.filter ?? {}), campaignId: campaign._id.toHexString() }, tenant) as ContactQuery;
      await this.audience.execute(tenant, filter, BATCH_SIZE, (ids) => handle(ids.map((i) => new Types.ObjectId(i))));
    }
    if (removed > 0) {
      await this.activity.execute(tenant, { campaignId: campaign._id, type: CampaignActivityType.ContactsRemoved, message: `${removed} contact(s) removed`, data: { removed } });
    }
    return removed;
  }
}
