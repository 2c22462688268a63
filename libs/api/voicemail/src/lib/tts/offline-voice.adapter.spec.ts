import { fillTemplate, ScriptTemplateKind } from '../domain/script-templates';
import { scriptStats } from '../domain/script-text';
import { audioDurationSeconds } from './audio-duration';
import { OfflineVoiceAdapter } from './offline-voice.adapter';

describe('OfflineVoiceAdapter', () => {
  it('renders a playable WAV as long as the script takes to say', async () => {
    const text = fillTemplate(ScriptTemplateKind.HighEquity, {
      sender: { agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '760-555-0142', optOutNumber: null },
      contact: { firstName: 'Maria', lastName: '', propertyAddress: '74 Palm Drive', city: null, listingStatus: null, daysOnMarket: null, estimatedEquity: 300000, saleYear: null },
      campaign: { name: 'Equity', type: 'high_equity', neighborhood: null },
    });
    const speech = await new OfflineVoiceAdapter().synthesize({ text, voiceId: 'offline-warm' });
    expect(speech.bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(speech.bytes.subarray(8, 12).toString()).toBe('WAVE');
    const duration = await audioDurationSeconds(speech.bytes, speech.contentType);
    const expected = scriptStats(text).estimatedDurationSeconds;
    expect(duration).not.toBeNull();
    expect(Math.abs((duration as number) - expected)).toBeLessThan(1);
    expect(duration).toBeGreaterThan(30);
    expect(duration).toBeLessThan(46);
  });
});
