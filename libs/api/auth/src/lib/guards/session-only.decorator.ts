import { SetMetadata } from '@nestjs/common';

export const SESSION_ONLY = 'auth:sessionOnly';

/** Routes an API key may not call (managing API keys themselves), so a leaked key cannot mint more. */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);
