import { AppException } from '@cadence/api-core';

export enum MediaErrorCode {
  LinkInvalid = 'MEDIA_LINK_INVALID',
  LinkExpired = 'MEDIA_LINK_EXPIRED',
  NotFound = 'MEDIA_NOT_FOUND',
}

const statusOf: Record<MediaErrorCode, number> = {
  [MediaErrorCode.LinkInvalid]: 403,
  [MediaErrorCode.LinkExpired]: 403,
  [MediaErrorCode.NotFound]: 404,
};

export class MediaException extends AppException {
  constructor(code: MediaErrorCode, message: string) {
    super(statusOf[code], code, message);
  }
}
