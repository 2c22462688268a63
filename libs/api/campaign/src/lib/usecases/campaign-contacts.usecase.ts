import { Page, pageOf, PageQueryDto, parseObjectId, skipOf, Tenant } from '@cadence/api-core';
import { AssignContactsToCampaignUseCase, ContactSource, ListAudienceContactIdsUseCase, ResolveSegmentFilterUseCase } from '@cadence/api-contact';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { CampaignErrorCode, CampaignException } from '../campaign.exception';
import { AddCampaignContactsRequestDto } from '../dto/campaign.request.dto';
import { AddCampaignContactsResponseDto, CampaignMemberResponseDto } from '../dto/campaign.response.dto';
import { CampaignMembershipRepository } from '../repositories/campaign-membership.repository';
import { CampaignStatus } from '../schemas/campaign.schema';
import { FindOwnedCampaignUseCase } from './find-owned-campaign.usecase';

const BATCH_SIZE = 500;
const CLOSED = [CampaignStatus.Completed, CampaignStatus.Failed];

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
 * Adds contacts by ids or by a saved segment, through the contact library's assignment (memberships,
 * history, timeline; idempotent). Only the caller's contacts are ever matched: ids of others are ignored.
 */
@Injectable()
export class AddCampaignContactsUseCase {
  constructor(
    private readonly findCampaign: FindOwnedCampaignUseCase,
    private readonly assign: AssignContactsToCampaignUseCase,
    private readonly audience: ListAudienceContactIdsUseCase,
    private readonly resolveSegment: ResolveSegmentFilterUseCase,
  ) {}

  async execute(tenant: Tenant, id: string, input: AddCampaignContactsRequestDto): Promise<AddCampaignContactsResponseDto> {
    if (Boolean(input.contactIds) === Boolean(input.segmentId)) {
      throw new CampaignException(CampaignErrorCode.ContactSelectionInvalid, 'Give either contactIds or segmentId');
    }
    const campaign = await this.findCampaign.execute(tenant, id);
    if (CLOSED.includes(campaign.status)) {
      throw new CampaignException(CampaignErrorCode.NotEditable, `A ${campaign.status} campaign takes no more contacts`, { status: campaign.status });
    }
    const filter = input.contactIds ? { _id: { $in: this.parseIds(input.contactIds) } } : await this.resolveSegment.execute(tenant, input.segmentId as string);
    const result: AddCampaignContactsResponseDto = { matched: 0, added: 0 };
    await this.audience.execute(tenant, filter, BATCH_SIZE, async (ids) => {
      result.matched += ids.length;
      result.added += await this.assign.execute(tenant, { campaignId: campaign._id, contactIds: ids.map((i) => new Types.ObjectId(i)), source: ContactSource.Manual });
    });
    return result;
  }

  private parseIds(ids: string[]): Types.ObjectId[] {
    const parsed = ids.map(parseObjectId);
    const invalid = ids.filter((_, i) => parsed[i] === null);
    if (invalid.length > 0) throw new CampaignException(CampaignErrorCode.ContactSelectionInvalid, 'Some contact ids are not ids', { invalid });
    return parsed as Types.ObjectId[];
  }
}
