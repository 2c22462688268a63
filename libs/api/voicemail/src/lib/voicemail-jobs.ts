import { IsMongoId, IsOptional, IsString } from 'class-validator';

export enum VoicemailJob {
  RunScriptBatch = 'run-script-batch',
  RunAudioBatch = 'run-audio-batch',
}

/** The payload of a batch job; validated by the processor before use. */
export class RunVoicemailBatchJobData {
  @IsMongoId()
  batchId!: string;

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

/** A failed run resumes from its checkpoint, so a database blip does not fail a big batch. */
export const VOICEMAIL_BATCH_ATTEMPTS = 3;
/** Items per checkpoint. */
export const BATCH_PAGE_SIZE = 25;
