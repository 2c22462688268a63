import { AppException } from '@cadence/api-core';

export enum ImportErrorCode {
  FileMissing = 'IMPORT_FILE_MISSING',
  FileTooLarge = 'IMPORT_FILE_TOO_LARGE',
  FileEmpty = 'IMPORT_FILE_EMPTY',
  FileUnparseable = 'IMPORT_FILE_UNPARSEABLE',
  FormatUnsupported = 'IMPORT_FORMAT_UNSUPPORTED',
  NoContactColumn = 'IMPORT_NO_CONTACT_COLUMN',
  MappingInvalid = 'IMPORT_MAPPING_INVALID',
  CampaignChoiceInvalid = 'IMPORT_CAMPAIGN_CHOICE_INVALID',
  ConnectorNotConfigured = 'IMPORT_CONNECTOR_NOT_CONFIGURED',
  ConnectorFailed = 'IMPORT_CONNECTOR_FAILED',
}

const statusOf: Record<ImportErrorCode, number> = {
  [ImportErrorCode.FileMissing]: 400,
  [ImportErrorCode.FileTooLarge]: 400,
  [ImportErrorCode.FileEmpty]: 400,
  [ImportErrorCode.FileUnparseable]: 400,
  [ImportErrorCode.FormatUnsupported]: 400,
  [ImportErrorCode.NoContactColumn]: 400,
  [ImportErrorCode.MappingInvalid]: 400,
  [ImportErrorCode.CampaignChoiceInvalid]: 400,
  [ImportErrorCode.ConnectorNotConfigured]: 400,
  [ImportErrorCode.ConnectorFailed]: 502,
};

export class ImportException extends AppException {
  constructor(code: ImportErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
