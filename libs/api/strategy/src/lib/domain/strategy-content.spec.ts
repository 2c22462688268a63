import { StrategyException } from '../strategy.exception';
import { EmailSender, StrategyStep, StrategyType, StrategyVariant } from '../schemas/strategy.schema';
import { assertValidContent, pickVariant, renderMessage } from './strategy-content';

const variant = (v: Partial<StrategyVariant>): StrategyVariant => ({ key: 'A', weight: 1, body: null, subject: null, html: null, text: null, voiceId: null, ttsBody: null, recordingMediaId: null, ...v });
const steps = (...variants: Partial<StrategyVariant>[]): StrategyStep[] => [{ delayDays: 0, variants: variants.map(variant) }];
const sender: EmailSender = { fromEmail: 'jane@realty.test', fromName: 'Jane Agent', replyTo: null, postalAddress: '1 Main St, Palm Desert, CA 92260' };

function errorOf(fn: () => void): StrategyException {
  try {
    fn();
  } catch (e) {
    return e as StrategyException;
  }
  throw new Error('expected a refusal');
}

describe('strategy content', () => {
  it('refuses unknown merge fields with their names', () => {
    const error = errorOf(() => assertValidContent(StrategyType.Text, steps({ body: 'Hi {{firstname}}, {{petName}} and {{firstName}}' }), null));
    expect(error).toMatchObject({ statusCode: 400, code: 'STRATEGY_UNKNOWN_MERGE_FIELD' });
    expect((error.details as { fields: string[] }).fields).toEqual(['firstname', 'petName']);
    expect((error.details as { occurrences: { suggestion?: string }[] }).occurrences[0].suggestion).toBe('firstName');
  });

  it('refuses content a channel cannot send', () => {
    expect(errorOf(() => assertValidContent(StrategyType.Text, steps({ body: ' ' }), null)).code).toBe('STRATEGY_INVALID_CONTENT');
    expect(errorOf(() => assertValidContent(StrategyType.Email, steps({ subject: 'Hi', html: '<p>x</p>', text: 'x' }), null)).code).toBe('STRATEGY_INVALID_CONTENT');
    expect(errorOf(() => assertValidContent(StrategyType.Voicemail, steps({ voiceId: 'v1', ttsBody: 'x'.repeat(1201) }), null)).message).toContain('1200');
    expect(errorOf(() => assertValidContent(StrategyType.Voicemail, steps({ voiceId: 'v1', ttsBody: 'hi', recordingMediaId: 'm1' }), null)).code).toBe('STRATEGY_INVALID_CONTENT');
    expect(errorOf(() => assertValidContent(StrategyType.Text, steps({ key: 'A', body: 'a' }, { key: 'A', body: 'b' }), null)).message).toContain('twice');
    expect(() => assertValidContent(StrategyType.Voicemail, steps({ recordingMediaId: 'm1' }), null)).not.toThrow();
    expect(() => assertValidContent(StrategyType.Email, steps({ subject: 'Hi {{firstName|there}}', html: '<p>x</p>', text: 'x' }), sender)).not.toThrow();
  });

  it('gives a contact the same variant every time, in proportion to the weights', () => {
    const variants = [
      { key: 'A', weight: 3 },
      { key: 'B', weight: 1 },
    ];
    expect(pickVariant(variants, 's1', 'c1')).toBe(pickVariant(variants, 's1', 'c1'));
    const counts = { A: 0, B: 0 };
    for (let i = 0; i < 4000; i++) counts[pickVariant(variants, 's1', `contact-${i}`).key as 'A' | 'B'] += 1;
    expect(counts.A / 4000).toBeGreaterThan(0.7);
    expect(counts.A / 4000).toBeLessThan(0.8);
  });

  it('adds the opt-out line to the first SMS only and counts segments after it', () => {
    const first = renderMessage(StrategyType.Text, 0, variant({ body: 'Hi {{firstName|there}}!' }), null, { firstName: 'Ann' });
    expect(first.sms).toEqual({ body: 'Hi Ann!\nReply STOP to opt out', segments: expect.objectContaining({ segments: 1, encoding: 'GSM-7' }) });
    expect(renderMessage(StrategyType.Text, 1, variant({ body: 'Hi {{firstName|there}}!' }), null, {}).sms?.body).toBe('Hi there!');
  });

  it('puts the postal address and the unsubscribe link in every email, escaping merge values in HTML', () => {
    const email = renderMessage(StrategyType.Email, 0, variant({ subject: 'For {{firstName}}', html: '<p>Hi {{firstName}}</p>', text: 'Hi {{firstName}}' }), sender, {
      firstName: '<b>Ann</b>',
      unsubscribeUrl: 'https://app.test/api/v1/unsubscribe/tok',
    }).email;
    expect(email?.subject).toBe('For <b>Ann</b>');
    expect(email?.html).toContain('<p>Hi &lt;b&gt;Ann&lt;/b&gt;</p>');
    expect(email?.html).toContain('1 Main St, Palm Desert, CA 92260');
    expect(email?.html).toContain('href="https://app.test/api/v1/unsubscribe/tok"');
    expect(email?.text).toContain('Unsubscribe: https://app.test/api/v1/unsubscribe/tok');
    expect(email?.from).toEqual({ email: 'jane@realty.test', name: 'Jane Agent' });
  });
});
