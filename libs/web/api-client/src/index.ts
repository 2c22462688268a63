export * from './generated/cadence';
export * from './generated/model';
export { ApiError, ClientErrorCode, isApiError } from './lib/api-error';
export type { ApiFieldError } from './lib/api-error';
export { configureFetcher, customFetch, REFRESH_PATH } from './lib/fetcher';
export type { ErrorType, FetcherConfig } from './lib/fetcher';
export { REFRESH_TOKEN_STORAGE_KEY, tokenStore } from './lib/token-store';
export type { SessionTokens } from './lib/token-store';
