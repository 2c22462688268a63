import { MediaLinks } from '@cadence/api-media';
import { etaSeconds } from '../domain/eta';
import { microsToUsd } from '../domain/costs';
import { VoicemailBatch } from '../schemas/voicemail-batch.schema';
import { AudioStatus, VoicemailScript } from '../schemas/voicemail-script.schema';
import { VoicemailBatchResponseDto, VoicemailScriptResponseDto } from './voicemail.dto';

export function scriptDto(s: VoicemailScript, links: MediaLinks, contactName: string | null = null): VoicemailScriptResponseDto {
  const audio = s.audio ?? ({ status: AudioStatus.Pending } as VoicemailScript['audio']);
  const costs = s.costs ?? { llmPromptTokens: 0, llmCompletionTokens: 0, llmMicros: 0, ttsCharacters: 0, ttsMicros: 0 };
  return {
    id: s._id.toHexString(),
    campaignId: s.campaignId.toHexString(),
    contactId: s.contactId.toHexString(),
    contactName,
    script: s.script,
    scriptVersion: s.scriptVersion,
    generatedBy: s.generatedBy,
    aiModel: s.aiModel ?? null,
    templateKind: s.templateKind ?? null,
    testGroup: s.testGroup ?? null,
    contentHash: s.contentHash,
    characterCount: s.characterCount,
    wordCount: s.wordCount,
    estimatedDurationSeconds: s.estimatedDurationSeconds,
    complianceProblems: s.complianceProblems ?? [],
    reviewStatus: s.reviewStatus,
    reviewNotes: s.reviewNotes ?? null,
    editable: audio.status === AudioStatus.Pending || audio.status === AudioStatus.Failed,
    audio: {
      status: audio.status,
      url: audio.status === AudioStatus.Completed && audio.mediaKey ? links.signedPath(audio.mediaKey).path : null,
      voiceId: audio.voiceId ?? null,
      duration: audio.duration ?? null,
      generatedAt: audio.generatedAt ? new Date(audio.generatedAt).toISOString() : null,
      error: audio.error ?? null,
    },
    deliveryStatus: s.delivery?.status ?? 'not_sent',
    costs: {
      llmPromptTokens: costs.llmPromptTokens,
      llmCompletionTokens: costs.llmCompletionTokens,
      ttsCharacters: costs.ttsCharacters,
      llmUsd: microsToUsd(costs.llmMicros),
      ttsUsd: microsToUsd(costs.ttsMicros),
      totalUsd: microsToUsd(costs.llmMicros + costs.ttsMicros),
    },
    updatedAt: new Date(s.updatedAt).toISOString(),
  } as VoicemailScriptResponseDto;
}

export function batchDto(b: VoicemailBatch, now: Date): VoicemailBatchResponseDto {
  const current = b.succeeded + b.failed + b.skipped;
  const running = b.status === 'running';
  return {
    id: b._id.toHexString(),
    campaignId: b.campaignId.toHexString(),
    kind: b.kind,
    status: b.status,
    total: b.total,
    current,
    succeeded: b.succeeded,
    failed: b.failed,
    skipped: b.skipped,
    percentage: b.total > 0 ? Math.min(100, Math.round((current / b.total) * 100)) : b.status === 'completed' ? 100 : 0,
    etaSeconds: running ? etaSeconds({ total: b.total, processed: current, processedAtRunStart: b.processedAtRunStart, runStartedAt: b.runStartedAt, now }) : null,
    cancelRequested: b.cancelRequested,
    estimatedUsd: microsToUsd(b.estimatedMicros),
    actualUsd: microsToUsd(b.actualMicros),
    providerCalls: b.providerCalls,
    runs: b.runs,
    templateKind: b.templateKind,
    abTemplateKind: b.templateKindB,
    error: b.error,
    recentFailures: (b.failures ?? []).slice(-5).map((f) => f.error),
    createdAt: new Date(b.createdAt).toISOString(),
    finishedAt: b.finishedAt ? new Date(b.finishedAt).toISOString() : null,
  };
}
