import { AppException } from '@cadence/api-core';

export enum AuthErrorCode {
  EmailTaken = 'EMAIL_TAKEN',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidAccessToken = 'INVALID_ACCESS_TOKEN',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  InvalidApiKey = 'INVALID_API_KEY',
  ApiKeyReadOnly = 'API_KEY_READ_ONLY',
  SessionRequired = 'SESSION_REQUIRED',
  RoleRequired = 'ROLE_REQUIRED',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
}

const statusOf: Record<AuthErrorCode, number> = {
  [AuthErrorCode.EmailTaken]: 409,
  [AuthErrorCode.InvalidCredentials]: 401,
  [AuthErrorCode.InvalidAccessToken]: 401,
  [AuthErrorCode.InvalidRefreshToken]: 401,
  [AuthErrorCode.RefreshTokenReused]: 401,
  [AuthErrorCode.InvalidApiKey]: 401,
  [AuthErrorCode.ApiKeyReadOnly]: 403,
  [AuthErrorCode.SessionRequired]: 403,
  [AuthErrorCode.RoleRequired]: 403,
  [AuthErrorCode.ApiKeyNotFound]: 404,
};

export class AuthException extends AppException {
  constructor(code: AuthErrorCode, message: string) {
    super(statusOf[code], code, message);
  }
}
