import { Provider } from '@nestjs/common';
import { ScriptWriter } from './llm/script-writer.port';
import { OfflineScriptWriter } from './llm/offline-script-writer';
import { OpenAiCompatibleScriptWriter } from './llm/openai-compatible.adapter';
import { ElevenLabsAdapter } from './tts/elevenlabs.adapter';
import { OfflineVoiceAdapter } from './tts/offline-voice.adapter';
import { TextToSpeech } from './tts/text-to-speech.port';
import { VoicemailConfig } from './voicemail.config';

export function createScriptWriter(config: VoicemailConfig): ScriptWriter {
  if (!config.LLM_API_KEY) return new OfflineScriptWriter();
  return new OpenAiCompatibleScriptWriter({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, concurrency: config.LLM_CONCURRENCY, maxRetries: config.LLM_MAX_RETRIES, timeoutMs: config.LLM_TIMEOUT_MS });
}

export function createTextToSpeech(config: VoicemailConfig): TextToSpeech {
  if (!config.ELEVENLABS_API_KEY) return new OfflineVoiceAdapter();
  return new ElevenLabsAdapter({
    baseUrl: config.ELEVENLABS_BASE_URL,
    apiKey: config.ELEVENLABS_API_KEY,
    modelId: config.ELEVENLABS_MODEL_ID,
    outputFormat: config.ELEVENLABS_OUTPUT_FORMAT,
    concurrency: config.ELEVENLABS_CONCURRENCY,
    maxRetries: config.ELEVENLABS_MAX_RETRIES,
    timeoutMs: config.ELEVENLABS_TIMEOUT_MS,
  });
}

export const providerFactories: Provider[] = [
  { provide: ScriptWriter, useFactory: createScriptWriter, inject: [VoicemailConfig] },
  { provide: TextToSpeech, useFactory: createTextToSpeech, inject: [VoicemailConfig] },
];
