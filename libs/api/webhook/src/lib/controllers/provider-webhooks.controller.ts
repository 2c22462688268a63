import { ProviderName, RawWebhookRequest } from '@cadence/api-channel';
import { AppConfig, ErrorResponseDto, loadConfig, Public, RequestWithRawBody } from '@cadence/api-core';
import { Controller, Header, HttpCode, Post, Req, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { WebhookAckResponseDto } from '../dto/webhook.dto';
import { InboundTwimlUseCase } from '../usecases/help-reply.usecase';
import { IngestWebhookUseCase } from '../usecases/ingest-webhook.usecase';

type WebhookHttpRequest = Request & RequestWithRawBody;

/**
 * Providers' webhooks (public: they authenticate by signature). Signatures cover the URL the
 * provider called, which behind a proxy is PUBLIC_BASE_URL, not the address we listen on.
 */
@ApiTags('webhooks')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'WEBHOOK_SIGNATURE_INVALID: missing, wrong or stale signature; nothing stored' })
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'CHANNEL_MALFORMED_EVENT' })
@Public()
@Controller({ path: 'webhooks', version: VERSION_NEUTRAL })
export class ProviderWebhooksController {
  private readonly publicBase = loadConfig(AppConfig).PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null;

  constructor(
    private readonly ingest: IngestWebhookUseCase,
    private readonly twiml: InboundTwimlUseCase,
  ) {}

  @Post('dropcowboy')
  @HttpCode(200)
  @ApiOperation({ summary: 'Drop Cowboy v2 signed webhooks (X-Signature) and per-send callbacks (token in the URL)' })
  @ApiOkResponse({ type: WebhookAckResponseDto })
  receiveDropCowboyWebhook(@Req() req: WebhookHttpRequest): Promise<WebhookAckResponseDto> {
    return this.ingest.execute('dropcowboy', this.raw(req), req.ip);
  }

  @Post('twilio/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Twilio message status callbacks (X-Twilio-Signature)' })
  @ApiOkResponse({ type: WebhookAckResponseDto })
  receiveTwilioStatus(@Req() req: WebhookHttpRequest): Promise<WebhookAckResponseDto> {
    return this.ingest.execute('twilio', this.raw(req), req.ip);
  }

  @Post('twilio/inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: 'Twilio inbound messages (replies, STOP/START/HELP); answers TwiML' })
  @ApiOkResponse({ description: 'TwiML: the help reply to HELP, empty otherwise' })
  async receiveTwilioInbound(@Req() req: WebhookHttpRequest): Promise<string> {
    const raw = this.raw(req);
    await this.ingest.execute('twilio', raw, req.ip);
    return this.twiml.execute(new URLSearchParams(raw.rawBody.toString()));
  }

  @Post('sendgrid')
  @HttpCode(200)
  @ApiOperation({ summary: 'SendGrid signed Event Webhook (ECDSA P-256), batches of events' })
  @ApiOkResponse({ type: WebhookAckResponseDto })
  receiveSendGridEvents(@Req() req: WebhookHttpRequest): Promise<WebhookAckResponseDto> {
    return this.ingest.execute('sendgrid' satisfies ProviderName, this.raw(req), req.ip);
  }

  private raw(req: WebhookHttpRequest): RawWebhookRequest {
    const base = this.publicBase ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return { url: `${base}${req.originalUrl}`, method: req.method, headers: req.headers, rawBody: req.rawBody ?? Buffer.alloc(0) };
  }
}

