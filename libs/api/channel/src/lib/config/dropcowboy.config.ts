// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { IsOptional, IsString, IsUrl, MinLength, ValidateIf } from 'class-validator';
import type { DropCowboyCredentials } from '../port/channel.port';

/** Drop Cowboy v2 ringless voicemail. Without DROPCOWBOY_API_KEY the sandbox provider drops instead. */
export class DropCowboyConfig {
  /** `x-key` from Developers > API Keys. */
  @ValidateIf((c: DropCowboyConfig) => c.DROPCOWBOY_API_KEY !== undefined || c.DROPCOWBOY_API_SECRET !== undefined)
  @IsString()
  @MinLength(1)
  DROPCOWBOY_API_KEY?: string;

  /** `x-secret` (shown once when the key is created). */
  @ValidateIf((c: DropCowboyConfig) => c.DROPCOWBOY_API_KEY !== undefined || c.DROPCOWBOY_API_SECRET !== undefined)
  @IsString()
  @MinLength(1)
  DROPCOWBOY_API_SECRET?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  DROPCOWBOY_API_BASE_URL = 'https://api-v2.dropcowboy.com';

  /** Comma-separated signing secrets of our registered webhooks (two during a rotation). */
  @IsString()
  DROPCOWBOY_WEBHOOK_SIGNING_SECRETS = '';

  /** Phone line that places drops (GET /phone/public/lines); unset = the account's default line. */
  @IsOptional()
  @IsString()
  DROPCOWBOY_PHONE_LINE_ID?: string;

  /** Trust Center brand, only if the account requires brand registration. */
  @IsOptional()
  @IsString()
  DROPCOWBOY_BRAND_ID?: string;

  hasCredentials(): boolean {
    return this.DROPCOWBOY_API_KEY !== undefined;
  }

  credentials(): DropCowboyCredentials {
    return {
      apiKey: this.DROPCOWBOY_API_KEY as string,
      apiSecret: this.DROPCOWBOY_API_SECRET as string,
      webhookSigningSecrets: this.DROPCOWBOY_WEBHOOK_SIGNING_SECRETS.split(',').map((s) => s.trim()).filter(Boolean),
      phoneLineId: this.DROPCOWBOY_PHONE_LINE_ID,
      brandId: this.DROPCOWBOY_BRAND_ID,
    };
  }
}
