import { MediaUrlSigner } from './media-url-signer';

describe('MediaUrlSigner', () => {
  const signer = new MediaUrlSigner('a-secret-of-sixteen-plus');
  const now = new Date('2026-01-05T10:00:00Z');

  it('accepts its own link until it expires, then calls it expired', () => {
    const { expires, sig } = signer.query('vm-abc.wav', now, 60);
    expect(signer.check('vm-abc.wav', String(expires), sig, now)).toBe('valid');
    expect(signer.check('vm-abc.wav', String(expires), sig, new Date(now.getTime() + 59_000))).toBe('valid');
    expect(signer.check('vm-abc.wav', String(expires), sig, new Date(now.getTime() + 60_000))).toBe('expired');
  });

  it('refuses a link whose key, expiry or signature was changed', () => {
    const { expires, sig } = signer.query('vm-abc.wav', now, 60);
    expect(signer.check('vm-abd.wav', String(expires), sig, now)).toBe('invalid');
    expect(signer.check('vm-abc.wav', String(expires + 3600), sig, now)).toBe('invalid');
    expect(signer.check('vm-abc.wav', String(expires), `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, now)).toBe('invalid');
    expect(signer.check('vm-abc.wav', String(expires), undefined, now)).toBe('invalid');
    expect(signer.check('vm-abc.wav', 'soon', sig, now)).toBe('invalid');
  });

  it('refuses a link signed with another secret', () => {
    const { expires, sig } = new MediaUrlSigner('another-secret-entirely').query('vm-abc.wav', now, 60);
    expect(signer.check('vm-abc.wav', String(expires), sig, now)).toBe('invalid');
  });
});
