import { classifyReply } from './reply-intent';

describe('classifyReply', () => {
  it.each(['STOP', 'stop', 'Stop.', ' StopAll ', 'UNSUBSCRIBE', 'cancel', 'END', 'quit', 'Revoke', 'OPTOUT'])('treats the keyword %p as an opt-out', (body) => {
    expect(classifyReply(body)).toBe('opt_out');
  });

  it.each(['please remove me from your list', "Don't text me again", 'dont call me', 'Stop texting me!', 'take me off this list', 'no more texts please', 'wrong number', 'I want to opt out'])(
    'reads the free-text revocation %p as an opt-out',
    (body) => {
      expect(classifyReply(body)).toBe('opt_out');
    },
  );

  it.each(['START', 'unstop', 'Yes'])('treats %p as opting back in', (body) => {
    expect(classifyReply(body)).toBe('opt_in');
  });

  it('answers HELP and INFO with help', () => {
    expect(classifyReply('help')).toBe('help');
    expect(classifyReply('INFO')).toBe('help');
  });

  it('keeps ordinary replies, even ones containing a keyword inside a sentence', () => {
    expect(classifyReply('stop by Saturday, I might sell')).toBe('reply');
    expect(classifyReply('Yes I am interested, call me after 5')).toBe('reply');
    expect(classifyReply('What is my home worth?')).toBe('reply');
  });

  it("follows Twilio's OptOutType when Advanced Opt-Out reports one", () => {
    expect(classifyReply('arrêt', 'STOP')).toBe('opt_out');
    expect(classifyReply('go', 'START')).toBe('opt_in');
    expect(classifyReply('?', 'HELP')).toBe('help');
  });
});
