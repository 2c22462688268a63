import { createECDH, createHmac, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import type { DropCowboyCredentials, SendGridCredentials, TwilioCredentials } from '../port/channel.port';

/**
 * The sandbox providers' accounts. Everything is derived from one seed so that separate processes (the
 * worker whose sandbox signs events, the API that verifies them) agree without sharing state.
 */
export interface SandboxAccounts {
  twilio: TwilioCredentials;
  sendgrid: SendGridCredentials;
  /** Signs SendGrid events; its public half is `sendgrid.webhookPublicKey`. */
  sendgridSigningKey: KeyObject;
  dropcowboy: DropCowboyCredentials;
}

/** Sender the sandbox uses when a message names none: Twilio's magic "passes all validation" number. */
export const SANDBOX_TWILIO_FROM = '+15005550006';

function derive(seed: string, purpose: string): Buffer {
  return createHmac('sha256', seed).update(purpose).digest();
}

export function sandboxAccounts(seed: string): SandboxAccounts {
  const signingKey = p256KeyFrom(derive(seed, 'sendgrid-event-webhook'));
  return {
    twilio: {
      accountSid: `AC${derive(seed, 'twilio-account-sid').toString('hex').slice(0, 32)}`,
      authToken: derive(seed, 'twilio-auth-token').toString('hex').slice(0, 32),
      fromNumber: SANDBOX_TWILIO_FROM,
    },
    sendgrid: {
      apiKey: `SG.sandbox.${derive(seed, 'sendgrid-api-key').toString('base64url')}`,
      webhookPublicKey: createPublicKey(signingKey).export({ format: 'der', type: 'spki' }).toString('base64'),
    },
    sendgridSigningKey: signingKey,
    dropcowboy: {
      apiKey: `sandbox-${derive(seed, 'dropcowboy-key').toString('hex').slice(0, 24)}`,
      apiSecret: derive(seed, 'dropcowboy-secret').toString('hex'),
      webhookSigningSecrets: [derive(seed, 'dropcowboy-webhook').toString('hex')],
    },
  };
}

/** A P-256 private key whose scalar is the given 32 bytes (a seed-derived HMAC is below the curve order in practice). */
function p256KeyFrom(scalar: Buffer): KeyObject {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey();
  return createPrivateKey({
    key: { kty: 'EC', crv: 'P-256', d: scalar.toString('base64url'), x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
}
