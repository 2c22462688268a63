import { AppException } from '@cadence/api-core';

export enum VoicemailErrorCode {
  ScriptNotFound = 'VOICEMAIL_SCRIPT_NOT_FOUND',
  BatchNotFound = 'VOICEMAIL_BATCH_NOT_FOUND',
  /** Editing text whose audio exists: the agent must delete the audio first. */
  AudioExists = 'VOICEMAIL_DELETE_AUDIO_FIRST',
  SettingsMissing = 'VOICEMAIL_SETTINGS_MISSING',
  BatchRunning = 'VOICEMAIL_BATCH_RUNNING',
  NotApproved = 'VOICEMAIL_SCRIPT_NOT_APPROVED',
  NothingToDo = 'VOICEMAIL_NOTHING_TO_DO',
  ProviderFailed = 'VOICEMAIL_PROVIDER_FAILED',
}

const statusOf: Record<VoicemailErrorCode, number> = {
  [VoicemailErrorCode.ScriptNotFound]: 404,
  [VoicemailErrorCode.BatchNotFound]: 404,
  [VoicemailErrorCode.AudioExists]: 409,
  [VoicemailErrorCode.SettingsMissing]: 409,
  [VoicemailErrorCode.BatchRunning]: 409,
  [VoicemailErrorCode.NotApproved]: 409,
  [VoicemailErrorCode.NothingToDo]: 409,
  [VoicemailErrorCode.ProviderFailed]: 502,
};

export class VoicemailException extends AppException {
  constructor(code: VoicemailErrorCode, message: string, details?: unknown) {
    super(statusOf[code], code, message, details);
  }
}
