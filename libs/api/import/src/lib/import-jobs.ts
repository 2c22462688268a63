import { IsMongoId, IsOptional, IsString } from 'class-validator';

export enum ImportJob {
  Run = 'run-import',
}

/** The payload of a run-import job; validated by the processor before use. */
export class RunImportJobData {
  @IsMongoId()
  batchId!: string;

  @IsMongoId()
  userId!: string;

  @IsOptional()
  @IsString()
  teamId!: string | null;
}

/** A failed run is retried from its checkpoint, so a database blip does not fail a big import. */
export const RUN_IMPORT_ATTEMPTS = 3;
