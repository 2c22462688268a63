export interface Voice {
  voiceId: string;
  name: string;
  category: string | null;
  description: string | null;
  /** A short sample the provider hosts; null when we render one ourselves. */
  previewUrl: string | null;
}

export interface SpeechRequest {
  text: string;
  voiceId: string;
}

export interface Speech {
  bytes: Buffer;
  /** File extension and what Drop Cowboy is told: mp3 or wav. */
  format: 'mp3' | 'wav';
  contentType: string;
  modelId: string;
  outputFormat: string;
  characters: number;
  /** The provider's id of this rendering (ElevenLabs `request-id`), when it gives one. */
  providerRequestId: string | null;
  billable: boolean;
}

/** Turns a script into audio. ElevenLabs, or the offline voice. */
export abstract class TextToSpeech {
  abstract readonly name: string;
  abstract readonly modelId: string;
  abstract readonly outputFormat: string;
  abstract listVoices(): Promise<Voice[]>;
  abstract synthesize(request: SpeechRequest): Promise<Speech>;
}

export class TextToSpeechError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number, readonly providerStatus?: string) {
    super(message);
    this.name = 'TextToSpeechError';
  }
}

/** `mp3_44100_128` → mp3, `wav_22050` / `pcm_…` → wav (pcm is wrapped by nobody, so only wav and mp3 are accepted). */
export function formatOf(outputFormat: string): 'mp3' | 'wav' {
  if (outputFormat.startsWith('mp3_')) return 'mp3';
  if (outputFormat.startsWith('wav_')) return 'wav';
  throw new Error(`ELEVENLABS_OUTPUT_FORMAT ${outputFormat} is neither mp3_* nor wav_*: Drop Cowboy takes mp3 or wav`);
}
