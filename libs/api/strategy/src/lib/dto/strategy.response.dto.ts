import { countSmsSegments, withOptOutLine } from '@cadence/api-channel';
import { ApiProperty } from '@nestjs/swagger';
import { RenderedMessage } from '../domain/strategy-content';
import { EmailSender, Strategy, StrategyStatus, StrategyType, StrategyVariant } from '../schemas/strategy.schema';

export class SmsSegmentsResponseDto {
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'], enumName: 'SmsEncoding' }) encoding!: 'GSM-7' | 'UCS-2';
  @ApiProperty() segments!: number;
  @ApiProperty() units!: number;
  @ApiProperty({ type: [String], description: 'Characters that forced UCS-2' }) nonGsmCharacters!: string[];
}

export class StrategyVariantResponseDto {
  @ApiProperty() key!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) voiceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ttsBody!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordingMediaId!: string | null;
  @ApiProperty({ type: SmsSegmentsResponseDto, nullable: true, description: 'text: segments of the template as written, with the opt-out line on the first step (merge values change it per contact)' })
  smsSegments!: SmsSegmentsResponseDto | null;

  static from(v: StrategyVariant, type: StrategyType, stepIndex: number): StrategyVariantResponseDto {
    return {
      key: v.key,
      weight: v.weight,
      body: v.body ?? null,
      subject: v.subject ?? null,
      html: v.html ?? null,
      text: v.text ?? null,
      voiceId: v.voiceId ?? null,
      ttsBody: v.ttsBody ?? null,
      recordingMediaId: v.recordingMediaId ?? null,
      smsSegments: type === StrategyType.Text ? countSmsSegments(withOptOutLine(v.body ?? '', { firstMessage: stepIndex === 0 })) : null,
    };
  }
}

export class StrategyStepResponseDto {
  @ApiProperty() delayDays!: number;
  @ApiProperty({ type: [StrategyVariantResponseDto] }) variants!: StrategyVariantResponseDto[];
}

export class EmailSenderResponseDto {
  @ApiProperty() fromEmail!: string;
  @ApiProperty() fromName!: string;
  @ApiProperty({ type: String, nullable: true }) replyTo!: string | null;
  @ApiProperty() postalAddress!: string;

  static from(s: EmailSender): EmailSenderResponseDto {
    return { fromEmail: s.fromEmail, fromName: s.fromName, replyTo: s.replyTo ?? null, postalAddress: s.postalAddress };
  }
}

export class StrategyResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: StrategyType, enumName: 'StrategyType' }) type!: StrategyType;
  @ApiProperty({ enum: StrategyStatus, enumName: 'StrategyStatus' }) status!: StrategyStatus;
  @ApiProperty({ type: [StrategyStepResponseDto] }) steps!: StrategyStepResponseDto[];
  @ApiProperty({ type: EmailSenderResponseDto, nullable: true }) emailSender!: EmailSenderResponseDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deployedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'A scheduled strategy deploys by itself at this time (once its campaign is active)' }) scheduledFor!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;

  static from(s: Strategy): StrategyResponseDto {
    return {
      id: s._id.toHexString(),
      campaignId: s.campaignId.toHexString(),
      name: s.name,
      type: s.type,
      status: s.status,
      steps: s.steps.map((step, i) => ({ delayDays: step.delayDays, variants: step.variants.map((v) => StrategyVariantResponseDto.from(v, s.type, i)) })),
      emailSender: s.emailSender ? EmailSenderResponseDto.from(s.emailSender) : null,
      deployedAt: s.deployedAt?.toISOString() ?? null,
      scheduledFor: s.scheduledFor?.toISOString() ?? null,
      completedAt: s.completedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class StrategyListResponseDto {
  @ApiProperty({ type: [StrategyResponseDto] }) items!: StrategyResponseDto[];
}

export class RenderedSmsResponseDto {
  @ApiProperty() body!: string;
  @ApiProperty({ type: SmsSegmentsResponseDto }) segments!: SmsSegmentsResponseDto;
}

export class RenderedEmailAddressResponseDto {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class RenderedEmailResponseDto {
  @ApiProperty() subject!: string;
  @ApiProperty() html!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: RenderedEmailAddressResponseDto }) from!: RenderedEmailAddressResponseDto;
  @ApiProperty({ type: String, nullable: true }) replyTo!: string | null;
}

export class RenderedVoicemailResponseDto {
  @ApiProperty({ type: String, nullable: true }) voiceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ttsBody!: string | null;
  @ApiProperty({ type: String, nullable: true }) recordingMediaId!: string | null;
  @ApiProperty() characters!: number;
}

export class StepPreviewResponseDto {
  @ApiProperty({ description: '0-based step index' }) step!: number;
  @ApiProperty({ description: 'The variant this contact always gets' }) variant!: string;
  @ApiProperty({ type: RenderedSmsResponseDto, required: false }) sms?: RenderedSmsResponseDto;
  @ApiProperty({ type: RenderedEmailResponseDto, required: false }) email?: RenderedEmailResponseDto;
  @ApiProperty({ type: RenderedVoicemailResponseDto, required: false }) voicemail?: RenderedVoicemailResponseDto;

  static from(step: number, variant: string, rendered: RenderedMessage): StepPreviewResponseDto {
    return { step, variant, ...rendered };
  }
}

export class StrategyPreviewResponseDto {
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: [StepPreviewResponseDto] }) steps!: StepPreviewResponseDto[];
}
