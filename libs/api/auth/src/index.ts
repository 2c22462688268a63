export * from './lib/auth.module';
export * from './lib/auth.exception';
export * from './lib/guards/admin-request.authenticator';
export * from './lib/guards/session-only.decorator';
export * from './lib/schemas/api-key.schema';
