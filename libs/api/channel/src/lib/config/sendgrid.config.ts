// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { createPublicKey } from 'node:crypto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, IsUrl, registerDecorator, ValidateIf } from 'class-validator';
import type { SendGridCredentials } from '../port/channel.port';

/** A base64 DER (SPKI) public key, as SendGrid shows it: a wrong one would silently reject every event. */
function IsSpkiPublicKey(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSpkiPublicKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be the base64 public key from SendGrid's Signed Event Webhook settings` },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            return createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ec';
          } catch {
            return false;
          }
        },
      },
    });
}

/** SendGrid email. Without SENDGRID_API_KEY the sandbox provider sends instead. */
export class SendGridConfig {
  @ValidateIf((c: SendGridConfig) => c.SENDGRID_API_KEY !== undefined)
  @IsString()
  SENDGRID_API_KEY?: string;

  /** https://api.eu.sendgrid.com for EU subusers; a local server in tests. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SENDGRID_API_BASE_URL = 'https://api.sendgrid.com';

  /** Required with an API key: events are only accepted when signed by this key. */
  @ValidateIf((c: SendGridConfig) => c.SENDGRID_API_KEY !== undefined || c.SENDGRID_WEBHOOK_PUBLIC_KEY !== undefined)
  @IsSpkiPublicKey()
  SENDGRID_WEBHOOK_PUBLIC_KEY?: string;

  /** SendGrid validates each request but delivers nothing (mail_settings.sandbox_mode); for CI with a real key. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  SENDGRID_SANDBOX_MODE = false;

  hasCredentials(): boolean {
    return this.SENDGRID_API_KEY !== undefined;
  }

  credentials(): SendGridCredentials {
    return { apiKey: this.SENDGRID_API_KEY as string, webhookPublicKey: this.SENDGRID_WEBHOOK_PUBLIC_KEY as string };
  }
}
