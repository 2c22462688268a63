import { EmailSenderRequestDto, StrategyStepRequestDto } from '../dto/strategy.request.dto';
import { EmailSender, StrategyStep } from '../schemas/strategy.schema';

export function stepsOf(steps: StrategyStepRequestDto[]): StrategyStep[] {
  return steps.map((step) => ({
    delayDays: step.delayDays ?? 0,
    variants: step.variants.map((v) => ({
      key: v.key,
      weight: v.weight ?? 1,
      body: v.body ?? null,
      subject: v.subject ?? null,
      html: v.html ?? null,
      text: v.text ?? null,
      voiceId: v.voiceId ?? null,
      ttsBody: v.ttsBody ?? null,
      recordingMediaId: v.recordingMediaId ?? null,
    })),
  }));
}

export function emailSenderOf(input: EmailSenderRequestDto | null | undefined): EmailSender | null {
  return input ? { fromEmail: input.fromEmail.toLowerCase(), fromName: input.fromName, replyTo: input.replyTo?.toLowerCase() ?? null, postalAddress: input.postalAddress } : null;
}
