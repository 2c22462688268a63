// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** HTTP process settings. Property names are the environment variable names. */
export class AppConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Origin(s) of the SPA allowed by CORS, comma separated. */
  @IsString()
  WEB_ORIGIN = 'http://localhost:4200';

  /** Where providers reach our webhooks and media; defaults to the local API address. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Seconds an in-flight request may take to finish after SIGTERM before the process exits anyway. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SHUTDOWN_TIMEOUT_SECONDS = 10;
}
