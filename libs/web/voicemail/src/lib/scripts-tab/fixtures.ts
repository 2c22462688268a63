import type { ScriptPageDto, VoicemailBatchResponseDto, VoicemailScriptResponseDto } from '@cadence/web-api-client';

export const CAMPAIGN = '6b01902fe519b84038d530d8';
export const TEXT =
  'Hi Maria, this is Dana Reyes with Desert Sun Realty. I noticed that the listing for 74 Palm Drive came off the market after 94 days, and I know how frustrating that can be. I work a lot in PDCC, and I have a few specific ideas on pricing and marketing that have helped similar homes sell. Give me a call back at (760) 555-0142 whenever it is convenient. If you would rather not get messages like this, call 1-800-555-0199 to opt out and you will be removed from our list.';

export function script(overrides: Partial<VoicemailScriptResponseDto> = {}): VoicemailScriptResponseDto {
  return {
    id: '6b01902fe519b84038d53100',
    campaignId: CAMPAIGN,
    contactId: '6b01902fe519b84038d53200',
    contactName: 'Maria Lopez',
    script: TEXT,
    scriptVersion: 1,
    generatedBy: 'template',
    aiModel: 'offline-template',
    templateKind: 'neighborhood_expireds',
    testGroup: null,
    contentHash: 'abc',
    characterCount: TEXT.length,
    wordCount: 91,
    estimatedDurationSeconds: 36.4,
    complianceProblems: [],
    reviewStatus: 'pending',
    reviewNotes: null,
    editable: true,
    audio: { status: 'pending', url: null, voiceId: null, duration: null, generatedAt: null, error: null },
    deliveryStatus: 'not_sent',
    costs: { llmPromptTokens: 0, llmCompletionTokens: 0, ttsCharacters: 0, llmUsd: 0, ttsUsd: 0, totalUsd: 0 },
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

export function page(items: VoicemailScriptResponseDto[]): ScriptPageDto {
  return { items, total: items.length, page: 1, limit: 20, summary: { total: items.length, review: { pending: items.filter((i) => i.reviewStatus === 'pending').length }, audio: { pending: items.length }, llmUsd: 0, ttsUsd: 0, totalUsd: 0 } };
}

export function batch(overrides: Partial<VoicemailBatchResponseDto> = {}): VoicemailBatchResponseDto {
  return {
    id: '6b01902fe519b84038d53300',
    campaignId: CAMPAIGN,
    kind: 'scripts',
    status: 'running',
    total: 1000,
    current: 250,
    succeeded: 248,
    failed: 2,
    skipped: 0,
    percentage: 25,
    etaSeconds: 95,
    cancelRequested: false,
    estimatedUsd: 0.39,
    actualUsd: 0.1,
    providerCalls: 250,
    runs: 1,
    templateKind: 'neighborhood_expireds',
    abTemplateKind: null,
    error: null,
    recentFailures: [],
    createdAt: '2026-11-21T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}
