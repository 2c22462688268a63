// Decorators below read type metadata at class definition, before Nest has loaded the polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { VoicemailPrices } from './domain/costs';

export type AudioDeliveryMode = 'upload' | 'url';

/** Voicemail scripts and audio. Property names are the environment variable names. */
export class VoicemailConfig {
  /** Any OpenAI-compatible chat completions API (Groq by default). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  LLM_BASE_URL = 'https://api.groq.com/openai/v1';

  @IsString()
  LLM_MODEL = 'llama-3.3-70b-versatile';

  /** Unset: the offline writer fills our own templates (no AI, no cost). */
  @IsOptional()
  @IsString()
  LLM_API_KEY?: string;

  /** Chat calls in flight at once per worker. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  LLM_CONCURRENCY = 4;

  /** Retries of a 429, 498 or 5xx answer (retry-after is honoured). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  LLM_MAX_RETRIES = 4;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  LLM_TIMEOUT_MS = 60_000;

  /** Unset: the offline voice renders a playable WAV locally (no cost). */
  @IsOptional()
  @IsString()
  ELEVENLABS_API_KEY?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  ELEVENLABS_BASE_URL = 'https://api.elevenlabs.io';

  @IsString()
  ELEVENLABS_MODEL_ID = 'eleven_multilingual_v2';

  /** mp3 or wav (what Drop Cowboy accepts); see providers.md §4 for the plan each needs. */
  @IsString()
  ELEVENLABS_OUTPUT_FORMAT = 'mp3_44100_128';

  /** Voice used when neither the script nor the campaign names one. */
  @IsString()
  ELEVENLABS_DEFAULT_VOICE_ID = '21m00Tcm4TlvDq8ikWAM';

  /** The plan's concurrency limit (Free 2, Starter 3, Creator 5, Pro 10). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  ELEVENLABS_CONCURRENCY = 2;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  ELEVENLABS_MAX_RETRIES = 4;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  ELEVENLABS_TIMEOUT_MS = 60_000;

  /** USD per million prompt tokens (Groq llama-3.3-70b list price). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  LLM_PRICE_INPUT_PER_MTOK_USD = 0.59;

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  LLM_PRICE_OUTPUT_PER_MTOK_USD = 0.79;

  /** USD per 1,000 characters of speech (ElevenLabs Creator overage, roughly). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  TTS_PRICE_PER_1K_CHARS_USD = 0.3;

  /** How a contact's audio reaches Drop Cowboy: signed upload to its media library, or our signed URL as audio_url (BYOC plans only). */
  @IsIn(['upload', 'url'])
  VOICEMAIL_AUDIO_DELIVERY: AudioDeliveryMode = 'upload';

  /** Bull lock of a running batch; a dead worker's batch is resumed this long after it died. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  VOICEMAIL_LOCK_DURATION_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(500)
  VOICEMAIL_STALLED_INTERVAL_MS = 30_000;

  prices(): VoicemailPrices {
    return {
      llmInputMicrosPerMillionTokens: Math.round(this.LLM_PRICE_INPUT_PER_MTOK_USD * 1_000_000),
      llmOutputMicrosPerMillionTokens: Math.round(this.LLM_PRICE_OUTPUT_PER_MTOK_USD * 1_000_000),
      ttsMicrosPerThousandCharacters: Math.round(this.TTS_PRICE_PER_1K_CHARS_USD * 1_000_000),
    };
  }
}
