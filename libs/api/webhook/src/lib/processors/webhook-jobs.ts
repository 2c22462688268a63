import { ArrayMaxSize, ArrayMinSize, IsArray, IsMongoId } from 'class-validator';

export enum WebhookJob {
  Apply = 'apply',
}

/** Validated by the processor before use. */
export class WebhookJobData {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsMongoId({ each: true })
  eventIds!: string[];
}

/** An event whose execution is not there yet is tried again after these delays, then kept for an admin replay. */
export const UNMATCHED_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000, 1_800_000];
