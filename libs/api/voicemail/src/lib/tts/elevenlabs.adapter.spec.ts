import { Answer, startLocalServer } from '../testing/local-http-server';
import { ElevenLabsAdapter } from './elevenlabs.adapter';

const MP3 = Buffer.from('ID3\u0003\u0000\u0000\u0000fake-mp3-frames');

function adapter(url: string, overrides: Partial<ConstructorParameters<typeof ElevenLabsAdapter>[0]> = {}) {
  return new ElevenLabsAdapter({ baseUrl: url, apiKey: 'xi-test', modelId: 'eleven_flash_v2_5', outputFormat: 'mp3_44100_128', concurrency: 2, maxRetries: 3, timeoutMs: 5000, baseDelayMs: 10, ...overrides });
}

describe('ElevenLabsAdapter against a local server', () => {
  it('posts text, model and voice settings with xi-api-key and output_format, and returns the audio bytes', async () => {
    const server = await startLocalServer((r) =>
      r.headers['xi-api-key'] === 'xi-test' ? { status: 200, headers: { 'content-type': 'audio/mpeg', 'request-id': 'req-1' }, body: MP3 } : { status: 401, body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } } },
    );
    try {
      const speech = await adapter(server.url).synthesize({ text: 'Hi Maria, this is Dana.', voiceId: 'voice 1' });
      expect(speech).toMatchObject({ bytes: MP3, format: 'mp3', contentType: 'audio/mpeg', characters: 23, providerRequestId: 'req-1', billable: true, modelId: 'eleven_flash_v2_5' });
      const [seen] = server.requests;
      expect(seen.path).toBe('/v1/text-to-speech/voice%201');
      expect(seen.query.get('output_format')).toBe('mp3_44100_128');
      expect(JSON.parse(seen.text)).toEqual({ text: 'Hi Maria, this is Dana.', model_id: 'eleven_flash_v2_5', voice_settings: { stability: 0.5, similarity_boost: 0.75 } });
      await expect(adapter(server.url, { apiKey: 'nope' }).synthesize({ text: 'x', voiceId: 'v' })).rejects.toThrow('ElevenLabs 401 invalid_api_key: Invalid API key');
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('retries 429 too_many_concurrent_requests and system_busy, honouring retry-after', async () => {
    const answers: Answer[] = [
      { status: 429, headers: { 'retry-after': '0.2' }, body: { detail: { status: 'too_many_concurrent_requests', message: 'Too many' } } },
      { status: 429, body: { detail: { status: 'system_busy', message: 'Busy' } } },
      { status: 200, headers: { 'content-type': 'audio/mpeg' }, body: MP3 },
    ];
    const times: number[] = [];
    const server = await startLocalServer(() => {
      times.push(Date.now());
      return answers[times.length - 1];
    });
    try {
      const speech = await adapter(server.url).synthesize({ text: 'Hello', voiceId: 'v' });
      expect(speech.bytes).toEqual(MP3);
      expect(server.requests).toHaveLength(3);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(180);
    } finally {
      await server.close();
    }
  });

  it('keeps at most its concurrency limit of requests open', async () => {
    let open = 0;
    let peak = 0;
    const server = await startLocalServer(async () => {
      open += 1;
      peak = Math.max(peak, open);
      await new Promise((r) => setTimeout(r, 30));
      open -= 1;
      return { status: 200, body: MP3 };
    });
    try {
      const tts = adapter(server.url, { concurrency: 3 });
      await Promise.all(Array.from({ length: 9 }, (_, i) => tts.synthesize({ text: `t${i}`, voiceId: 'v' })));
      expect(peak).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('lists voices through GET /v1/voices', async () => {
    const server = await startLocalServer(() => ({ status: 200, body: { voices: [{ voice_id: 'abc', name: 'Rachel', category: 'premade', preview_url: 'https://cdn.example/rachel.mp3' }] } }));
    try {
      expect(await adapter(server.url).listVoices()).toEqual([{ voiceId: 'abc', name: 'Rachel', category: 'premade', description: null, previewUrl: 'https://cdn.example/rachel.mp3' }]);
      expect(server.requests[0].headers['xi-api-key']).toBe('xi-test');
    } finally {
      await server.close();
    }
  });
});
