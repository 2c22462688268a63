import { Public } from '@cadence/api-core';
import { Controller, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UnsubscribeUseCase } from '../usecases/unsubscribe.usecase';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.6rem 1.2rem}</style></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** RFC 8058 one-click unsubscribe: mailbox providers POST `List-Unsubscribe=One-Click`; people see a confirm page. */
@ApiTags('webhooks')
@ApiNotFoundResponse({ description: 'WEBHOOK_UNSUBSCRIBE_TOKEN_INVALID' })
@Public()
@Controller({ path: 'unsubscribe', version: '1' })
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeUseCase) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The confirm page of an unsubscribe link (a GET never unsubscribes: link scanners follow links)' })
  @ApiOkResponse({ description: 'HTML confirm page' })
  async showUnsubscribePage(@Param('token') token: string): Promise<string> {
    const email = await this.unsubscribe.recipientOf(token);
    return page(
      'Unsubscribe',
      `<h1>Unsubscribe</h1><p>Stop emails to <strong>${escapeHtml(email)}</strong>?</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click' })
  @ApiOkResponse({ description: 'Unsubscribed' })
  async unsubscribeOneClick(@Param('token') token: string, @Req() req: Request): Promise<string> {
    const oneClick = typeof req.body === 'object' && req.body !== null && (req.body as Record<string, unknown>)['List-Unsubscribe'] === 'One-Click';
    await this.unsubscribe.execute(token, `${oneClick ? 'RFC 8058 one-click POST' : 'unsubscribe POST'} from ${req.ip ?? 'unknown'} (${req.get('user-agent') ?? 'no user agent'})`);
    return page('Unsubscribed', '<h1>You are unsubscribed</h1><p>You will not receive these emails any more.</p>');
  }
}
