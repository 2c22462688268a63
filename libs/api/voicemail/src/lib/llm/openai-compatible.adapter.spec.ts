import { fillTemplate, ScriptTemplateKind, SYSTEM_PROMPT } from '../domain/script-templates';
import { startLocalServer } from '../testing/local-http-server';
import { OpenAiCompatibleScriptWriter } from './openai-compatible.adapter';

const fields = {
  sender: { agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '760-555-0142', optOutNumber: null },
  contact: { firstName: 'Maria', lastName: 'Lopez', propertyAddress: '74 Palm Drive', city: 'Palm Desert', listingStatus: null, daysOnMarket: null, estimatedEquity: null, saleYear: null },
  campaign: { name: 'Farm', type: 'custom', neighborhood: null },
};
const request = { kind: ScriptTemplateKind.Prospecting, fields, prompt: 'Write it', system: SYSTEM_PROMPT };
const completion = (content: string) => ({ id: 'c1', object: 'chat.completion', model: 'llama-3.3-70b-versatile', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 412, completion_tokens: 150, total_tokens: 562 } });

function writer(url: string, overrides: Partial<ConstructorParameters<typeof OpenAiCompatibleScriptWriter>[0]> = {}) {
  return new OpenAiCompatibleScriptWriter({ baseUrl: `${url}/openai/v1`, apiKey: 'gsk_test', model: 'llama-3.3-70b-versatile', concurrency: 2, maxRetries: 3, timeoutMs: 5000, baseDelayMs: 10, ...overrides });
}

describe('OpenAiCompatibleScriptWriter against a local chat server', () => {
  it('posts an OpenAI-shaped chat completion with the bearer key and returns text and usage', async () => {
    const server = await startLocalServer((r) => (r.headers.authorization === 'Bearer gsk_test' ? { status: 200, body: completion('Here is your script: Hi Maria') } : { status: 401, body: { error: { message: 'Invalid API Key' } } }));
    try {
      const written = await writer(server.url).write(request);
      expect(written).toEqual({ text: 'Here is your script: Hi Maria', generatedBy: 'ai', model: 'llama-3.3-70b-versatile', promptTokens: 412, completionTokens: 150, billable: true });
      const [seen] = server.requests;
      expect(seen.method).toBe('POST');
      expect(seen.path).toBe('/openai/v1/chat/completions');
      const body = JSON.parse(seen.text);
      expect(body).toMatchObject({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: 'Write it' }] });
      expect(body.n).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('waits the retry-after of a 429 and then succeeds', async () => {
    let calls = 0;
    const times: number[] = [];
    const server = await startLocalServer(() => {
      times.push(Date.now());
      calls += 1;
      return calls === 1 ? { status: 429, headers: { 'retry-after': '0.3' }, body: { error: { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' } } } : { status: 200, body: completion(fillTemplate(ScriptTemplateKind.Prospecting, fields)) };
    });
    try {
      await writer(server.url).write(request);
      expect(calls).toBe(2);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(280);
    } finally {
      await server.close();
    }
  });

  it('does not retry a bad key, and gives up after maxRetries on repeated 503', async () => {
    const server = await startLocalServer((r) => (r.headers.authorization === 'Bearer gsk_test' ? { status: 503, body: { error: { message: 'busy' } } } : { status: 401, body: { error: { message: 'Invalid API Key' } } }));
    try {
      await expect(writer(server.url, { apiKey: 'wrong' }).write(request)).rejects.toThrow('LLM answered 401: Invalid API Key');
      expect(server.requests).toHaveLength(1);
      await expect(writer(server.url, { maxRetries: 2 }).write(request)).rejects.toThrow('LLM answered 503');
      expect(server.requests).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('never has more calls in flight than its concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await startLocalServer(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 40));
      inFlight -= 1;
      return { status: 200, body: completion('Hi') };
    });
    try {
      const w = writer(server.url, { concurrency: 2 });
      await Promise.all(Array.from({ length: 7 }, () => w.write(request)));
      expect(server.requests).toHaveLength(7);
      expect(peak).toBe(2);
    } finally {
      await server.close();
    }
  });
});
