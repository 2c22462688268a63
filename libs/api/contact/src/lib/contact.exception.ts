import { AppException } from '@cadence/api-core';

export enum ContactErrorCode {
  ContactDuplicate = 'CONTACT_DUPLICATE',
  ContactEmpty = 'CONTACT_EMPTY',
  CampaignNotFound = 'CAMPAIGN_NOT_FOUND',
  SegmentInvalid = 'SEGMENT_INVALID',
  BulkSelectionInvalid = 'BULK_SELECTION_INVALID',
}

const statusOf: Record<ContactErrorCode, number> = {
  [ContactErrorCode.ContactDuplicate]: 409,
  [ContactErrorCode.ContactEmpty]: 400,
  [ContactErrorCode.CampaignNotFound]: 404,
  [ContactErrorCode.SegmentInvalid]: 400,
  [ContactErrorCode.BulkSelectionInvalid]: 400,
};

export class ContactException extends AppException {
  constructor(code: ContactErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
