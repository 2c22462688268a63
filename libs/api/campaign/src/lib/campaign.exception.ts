import { AppException } from '@cadence/api-core';

export enum CampaignErrorCode {
  CampaignNotFound = 'CAMPAIGN_NOT_FOUND',
  IllegalTransition = 'CAMPAIGN_ILLEGAL_TRANSITION',
  NotDeletable = 'CAMPAIGN_NOT_DELETABLE',
  NotEditable = 'CAMPAIGN_NOT_EDITABLE',
  InvalidSchedule = 'CAMPAIGN_INVALID_SCHEDULE',
  ContactSelectionInvalid = 'CAMPAIGN_CONTACT_SELECTION_INVALID',
}

const statusOf: Record<CampaignErrorCode, number> = {
  [CampaignErrorCode.CampaignNotFound]: 404,
  [CampaignErrorCode.IllegalTransition]: 409,
  [CampaignErrorCode.NotDeletable]: 409,
  [CampaignErrorCode.NotEditable]: 409,
  [CampaignErrorCode.InvalidSchedule]: 400,
  [CampaignErrorCode.ContactSelectionInvalid]: 400,
};

export class CampaignException extends AppException {
  constructor(code: CampaignErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
