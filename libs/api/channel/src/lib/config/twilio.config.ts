// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { IsOptional, IsString, IsUrl, Matches, MinLength, ValidateIf } from 'class-validator';
import type { TwilioCredentials } from '../port/channel.port';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio SMS. Without TWILIO_ACCOUNT_SID the sandbox provider sends instead. */
export class TwilioConfig {
  @ValidateIf((c: TwilioConfig) => c.TWILIO_ACCOUNT_SID !== undefined || c.TWILIO_AUTH_TOKEN !== undefined)
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex characters' })
  TWILIO_ACCOUNT_SID?: string;

  @ValidateIf((c: TwilioConfig) => c.TWILIO_ACCOUNT_SID !== undefined || c.TWILIO_AUTH_TOKEN !== undefined)
  @IsString()
  @MinLength(16)
  TWILIO_AUTH_TOKEN?: string;

  /** Sender pool; wins over TWILIO_FROM_NUMBER. One of the two is required with real credentials. */
  @ValidateIf((c: TwilioConfig) => c.TWILIO_MESSAGING_SERVICE_SID !== undefined || (c.TWILIO_ACCOUNT_SID !== undefined && c.TWILIO_FROM_NUMBER === undefined))
  @Matches(/^MG[0-9a-fA-F]{32}$/, { message: 'TWILIO_MESSAGING_SERVICE_SID (MG + 32 hex) or TWILIO_FROM_NUMBER is required with TWILIO_ACCOUNT_SID' })
  TWILIO_MESSAGING_SERVICE_SID?: string;

  @IsOptional()
  @Matches(E164, { message: 'TWILIO_FROM_NUMBER must be an E.164 number like +15551234567' })
  TWILIO_FROM_NUMBER?: string;

  /** Only for tests against a local server; production always talks to api.twilio.com. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  TWILIO_API_BASE_URL?: string;

  hasCredentials(): boolean {
    return this.TWILIO_ACCOUNT_SID !== undefined;
  }

  credentials(): TwilioCredentials {
    return {
      accountSid: this.TWILIO_ACCOUNT_SID as string,
      authToken: this.TWILIO_AUTH_TOKEN as string,
      messagingServiceSid: this.TWILIO_MESSAGING_SERVICE_SID,
      fromNumber: this.TWILIO_FROM_NUMBER,
    };
  }
}
