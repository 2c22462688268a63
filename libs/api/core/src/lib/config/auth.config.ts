// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export class AuthConfig {
  /** HMAC secret of access tokens; at least 32 characters. Required: there is no built-in default. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /** Access token lifetime in seconds (short: refresh tokens carry the session). */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Login and register attempts per client IP per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  /** Comma-separated emails that register as admins (who may open the queue dashboard). */
  @IsString()
  @Matches(/^$|^[^,\s@]+@[^,\s@]+(,\s*[^,\s@]+@[^,\s@]+)*$/, { message: 'ADMIN_EMAILS must be a comma-separated list of emails' })
  ADMIN_EMAILS = '';

  adminEmails(): string[] {
    return this.ADMIN_EMAILS.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  }
}
