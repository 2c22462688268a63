import { AppConfig, AuthConfig, loadConfig } from '@cadence/api-core';
import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';

/**
 * The RFC 8058 one-click URL of one email: it names the execution (hence the recipient and campaign)
 * and carries an HMAC so nobody can unsubscribe someone else by guessing ids. The route that verifies
 * it (`/api/v1/unsubscribe/:token`) belongs to the webhook module.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly base: string;
  private readonly key: Buffer;

  constructor() {
    const app = loadConfig(AppConfig);
    this.base = (app.PUBLIC_BASE_URL ?? `http://127.0.0.1:${app.PORT}`).replace(/\/+$/, '');
    this.key = createHmac('sha256', loadConfig(AuthConfig).JWT_SECRET).update('cadence:unsubscribe').digest();
  }

  urlFor(executionId: string): string {
    const signature = createHmac('sha256', this.key).update(executionId).digest('base64url').slice(0, 22);
    return `${this.base}/api/v1/unsubscribe/${executionId}.${signature}`;
  }
}
