import { createHash } from 'node:crypto';
import { WaveFile } from 'wavefile';
import { WORDS_PER_SECOND } from '../domain/script-text';
import { Speech, SpeechRequest, TextToSpeech, Voice } from './text-to-speech.port';

const SAMPLE_RATE = 8000;

export const OFFLINE_VOICES: Voice[] = [
  { voiceId: 'offline-warm', name: 'Warm (offline)', category: 'offline', description: 'A low hum per word: placeholder audio of the right length', previewUrl: null },
  { voiceId: 'offline-bright', name: 'Bright (offline)', category: 'offline', description: 'A higher hum per word: placeholder audio of the right length', previewUrl: null },
];

/**
 * Without an ElevenLabs key: a real, playable 8 kHz 16-bit WAV as long as the script would take to say
 * (one short tone per word at 150 words a minute), so players, durations and Drop Cowboy uploads
 * behave as with real speech. It says nothing; it is for development and tests.
 */
export class OfflineVoiceAdapter extends TextToSpeech {
  readonly name = 'offline';
  readonly modelId = 'offline-tone';
  readonly outputFormat = 'wav_8000';
  calls = 0;

  async listVoices(): Promise<Voice[]> {
    return OFFLINE_VOICES;
  }

  async synthesize(request: SpeechRequest): Promise<Speech> {
    this.calls += 1;
    const words = request.text.trim().split(/\s+/).filter(Boolean);
    const secondsPerWord = 1 / WORDS_PER_SECOND;
    const samples = new Int16Array(Math.max(1, Math.round((words.length * secondsPerWord + 0.5) * SAMPLE_RATE)));
    const base = request.voiceId === 'offline-bright' ? 330 : 180;
    words.forEach((word, index) => {
      const pitch = base + (createHash('md5').update(word).digest()[0] % 60);
      const start = Math.round((0.25 + index * secondsPerWord) * SAMPLE_RATE);
      const length = Math.round(secondsPerWord * 0.7 * SAMPLE_RATE);
      for (let i = 0; i < length && start + i < samples.length; i++) {
        const envelope = Math.sin((Math.PI * i) / length);
        samples[start + i] = Math.round(6000 * envelope * Math.sin((2 * Math.PI * pitch * i) / SAMPLE_RATE));
      }
    });
    const wav = new WaveFile();
    wav.fromScratch(1, SAMPLE_RATE, '16', []);
    // The samples' bytes as they are (16-bit little-endian, like WAV): wavefile's per-sample packing
    // takes 100 times longer and writes the same bytes.
    Object.assign(wav.data as object, { samples: new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength) });
    return {
      bytes: Buffer.from(wav.toBuffer()),
      format: 'wav',
      contentType: 'audio/wav',
      modelId: this.modelId,
      outputFormat: this.outputFormat,
      characters: [...request.text].length,
      providerRequestId: null,
      billable: false,
    };
  }
}
