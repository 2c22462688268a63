import { AppException } from '@cadence/api-core';

export enum WebhookErrorCode {
  SignatureInvalid = 'WEBHOOK_SIGNATURE_INVALID',
  UnsubscribeTokenInvalid = 'WEBHOOK_UNSUBSCRIBE_TOKEN_INVALID',
}

const statusOf: Record<WebhookErrorCode, number> = {
  [WebhookErrorCode.SignatureInvalid]: 401,
  [WebhookErrorCode.UnsubscribeTokenInvalid]: 404,
};

export class WebhookException extends AppException {
  constructor(code: WebhookErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
