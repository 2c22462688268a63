import { Types } from 'mongoose';
import { normalizeState, normalizeZip } from './address.normalizer';
import { contactKeys } from './contact-keys';
import { normalizeEmail } from './email.normalizer';
import { foldForSearch, normalizeName, splitFullName } from './name.normalizer';
import { normalizePhone, PhoneType } from './phone.normalizer';
import { TimeZoneResolver, TimeZoneSource } from './time-zone.resolver';

describe('normalisers', () => {
  it.each([
    ['(760) 555-0134', '+17605550134', null],
    ['760.555.0134 x12', '+17605550134', '12'],
    ['+1 760 555 0134', '+17605550134', null],
    ['1-760-555-0134 ext. 7', '+17605550134', '7'],
    ['7605550134', '+17605550134', null],
  ])('turns %s into E.164 with its extension', (raw, e164, extension) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164, extension, type: PhoneType.Unknown });
  });

  it.each(['211', '555-0134', '(999) 555-0100', '760-155-0134', 'call me', ''])('refuses %p', (raw) => {
    expect(normalizePhone(raw).ok).toBe(false);
  });

  it('keeps a toll-free number, which a contact may give as their line', () => {
    expect(normalizePhone('1 (800) 555-0199')).toMatchObject({ ok: true, e164: '+18005550199' });
  });

  it('lower-cases and validates emails', () => {
    expect(normalizeEmail('  Jose.Muller@Example.COM ')).toEqual({ ok: true, email: 'jose.muller@example.com' });
    expect(normalizeEmail('mailto:ann@example.com')).toEqual({ ok: true, email: 'ann@example.com' });
    expect(normalizeEmail('ann@')).toMatchObject({ ok: false });
  });

  it('title-cases ALL-CAPS names, keeps mixed case and accents', () => {
    expect(normalizeName('  JOSÉ   MÜLLER ')).toBe('José Müller');
    expect(normalizeName("O'NEIL-SMITH")).toBe("O'Neil-Smith");
    expect(normalizeName('McDonald')).toBe('McDonald');
    expect(normalizeName('de la Cruz')).toBe('de la Cruz');
    expect(foldForSearch('Zoë Núñez')).toBe('zoe nunez');
  });

  it('splits owner names the way county exports write them', () => {
    expect(splitFullName('SMITH, JOHN A')).toEqual({ firstName: 'John', lastName: 'Smith' });
    expect(splitFullName('JOHN A SMITH')).toEqual({ firstName: 'John', lastName: 'Smith' });
    expect(splitFullName('John Smith & Mary Smith')).toEqual({ firstName: 'John', lastName: 'Smith' });
    expect(splitFullName('SMITH FAMILY TRUST')).toEqual({ firstName: '', lastName: 'Smith Family Trust' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('turns state names into codes and keeps ZIP leading zeros', () => {
    expect(normalizeState('California')).toEqual({ ok: true, value: 'CA' });
    expect(normalizeState('ny')).toEqual({ ok: true, value: 'NY' });
    expect(normalizeState('District of Columbia')).toEqual({ ok: true, value: 'DC' });
    expect(normalizeState('Calif')).toMatchObject({ ok: false });
    expect(normalizeZip('92260-1234')).toEqual({ ok: true, value: '92260' });
    expect(normalizeZip('921011234')).toEqual({ ok: true, value: '92101' });
    expect(normalizeZip('2134')).toEqual({ ok: true, value: '02134' });
    expect(normalizeZip('00601')).toEqual({ ok: true, value: '00601' });
    expect(normalizeZip('ABCDE')).toMatchObject({ ok: false });
  });

  it('derives dedupe keys and prefix-search tokens, leaving absent keys out', () => {
    const id = new Types.ObjectId();
    const keys = contactKeys({
      firstName: 'José',
      lastName: 'Müller',
      phones: [{ e164: '+17605550134' }],
      emails: ['jose@example.com'],
      propertyAddress: { street: '12 Palm Dr.', city: 'Palm Desert', state: 'CA', zip: '92260' },
      mailingAddress: null,
    }, id);
    expect(keys.dedupeKeys).toEqual(['p:+17605550134', 'e:jose@example.com']);
    expect(keys.phoneKeys).toEqual(['+17605550134']);
    expect(keys.nameAddressKey).toBe('jose muller|12 palm dr|92260');
    expect(keys.searchTokens).toEqual(expect.arrayContaining(['jose', 'muller', 'jose@example.com', '17605550134', '7605550134', '5550134', '0134', 'palm', '92260', 'ca']));
    const nameOnly = contactKeys({ firstName: 'A', lastName: '', phones: [], emails: [], propertyAddress: null, mailingAddress: null }, id);
    expect(nameOnly).not.toHaveProperty('phoneKeys');
    expect(nameOnly.dedupeKeys).toEqual([`id:${id.toHexString()}`]);
  });

  it('resolves the time zone from the ZIP, else a single-zone area code, else unknown', async () => {
    const resolver = new TimeZoneResolver();
    expect(await resolver.resolve(['97914'], ['+12125550100'])).toEqual({ timeZone: 'America/Boise', source: TimeZoneSource.Zip });
    expect(await resolver.resolve(['00601'], [])).toEqual({ timeZone: 'America/Puerto_Rico', source: TimeZoneSource.Zip });
    expect(await resolver.resolve([''], ['+13125550100'])).toEqual({ timeZone: 'America/Chicago', source: TimeZoneSource.AreaCode });
    expect(await resolver.resolve([], ['+19075551234'])).toEqual({ timeZone: null, source: TimeZoneSource.Unknown });
    expect(await resolver.resolve(['99999'], ['+19075551234', '+18085550100'])).toEqual({ timeZone: 'Pacific/Honolulu', source: TimeZoneSource.AreaCode });
  });
});
