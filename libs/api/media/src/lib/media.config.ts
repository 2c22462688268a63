// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

/** Where generated media lives and how its public links are signed. Property names are the environment variable names. */
export class MediaConfig {
  /** Local-disk storage root (used when MEDIA_S3_BUCKET is unset). */
  @IsString()
  MEDIA_STORAGE_DIR = '.data/media';

  /** HMAC key of the signed `/api/v1/media/:key` links; the API and the worker must share it. */
  @IsString()
  @MinLength(16)
  MEDIA_SIGNING_SECRET = 'development-media-signing-secret';

  /** Lifetime of a signed link. Drop Cowboy fetches imported audio once, soon after the drop is queued. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  MEDIA_URL_TTL_SECONDS = 2 * 24 * 3600;

  /** S3-compatible bucket; set it (with the keys) to store media in S3, MinIO, R2 or B2 instead of on disk. */
  @IsOptional()
  @IsString()
  MEDIA_S3_BUCKET?: string;

  /** Endpoint of a non-AWS store (path-style addressing is used). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  MEDIA_S3_ENDPOINT?: string;

  @IsString()
  MEDIA_S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  MEDIA_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  MEDIA_S3_SECRET_ACCESS_KEY?: string;
}
