import { GetComplianceSettingsUseCase } from '@cadence/api-anti-spam';
import { ExecutionChannel, FindLatestSendToAddressUseCase } from '@cadence/api-strategy';
import { Injectable } from '@nestjs/common';
import { classifyReply } from '../domain/reply-intent';

/** CTIA: a HELP reply names the sender and says how to stop. Used when the agent has written none. */
export const DEFAULT_HELP_REPLY = 'You are receiving messages from your real estate agent. Reply STOP to opt out. Msg & data rates may apply.';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The TwiML answer to an inbound text: the agent's help reply to HELP/INFO, nothing otherwise (Twilio
 * itself confirms STOP and START on long codes and toll-free numbers).
 */
@Injectable()
export class InboundTwimlUseCase {
  constructor(
    private readonly latestSend: FindLatestSendToAddressUseCase,
    private readonly settings: GetComplianceSettingsUseCase,
  ) {}

  async execute(fields: URLSearchParams): Promise<string> {
    const body = fields.get('Body');
    const from = fields.get('From');
    if (body === null || !from || classifyReply(body, fields.get('OptOutType') ?? undefined) !== 'help') return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
    const execution = await this.latestSend.execute(ExecutionChannel.Sms, from);
    const reply = execution ? ((await this.settings.execute({ userId: execution.userId.toHexString(), teamId: execution.teamId ?? null })).helpReply ?? DEFAULT_HELP_REPLY) : DEFAULT_HELP_REPLY;
    return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(reply)}</Message></Response>`;
  }
}
