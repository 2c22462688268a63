import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

/** Import settings. Property names are the environment variable names. */
export class ImportConfig {
  /** Largest accepted upload. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  IMPORT_MAX_FILE_MB = 50;

  /** Rows read from one Excel sheet (read-excel-file holds a sheet in memory; CSV streams). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IMPORT_XLSX_MAX_ROWS = 100_000;

  /** Rows written per bulk write and per checkpoint. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(10_000)
  IMPORT_CHUNK_SIZE = 1000;

  /** Bull lock of a running import; a worker that dies holds it this long before another resumes the job. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  IMPORT_LOCK_DURATION_MS = 30_000;

  /** How often a worker looks for imports whose worker died. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  IMPORT_STALLED_INTERVAL_MS = 30_000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  GOOGLE_PEOPLE_API_BASE_URL = 'https://people.googleapis.com';

  /** OAuth access token with contacts.readonly; unset disables the Google connector. */
  @IsOptional()
  @IsString()
  GOOGLE_PEOPLE_API_TOKEN?: string;

  /** Unset disables the Mojo Dialer connector. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  MOJO_API_BASE_URL?: string;

  @IsOptional()
  @IsString()
  MOJO_API_TOKEN?: string;

  maxFileBytes(): number {
    return this.IMPORT_MAX_FILE_MB * 1024 * 1024;
  }
}
