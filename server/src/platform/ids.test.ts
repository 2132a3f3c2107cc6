import { describe, expect, it } from 'vitest';
import { HOTLINE_RE, isValidIdNumber, PHONE_RE, withIdChecksum } from './ids.js';

describe('identifiers', () => {
  it('accepts a person’s mobile or landline, never a service hotline', () => {
    for (const ok of ['13904511234', '0451-86661234', '045186661234', '010-12345678-123']) expect(PHONE_RE.test(ok)).toBe(true);
    for (const bad of ['12345', '12368', '400-800-1234', '1390451123', '23904511234', '']) expect(PHONE_RE.test(bad)).toBe(false);
  });

  it('accepts service hotlines for stations and units', () => {
    for (const ok of ['12345', '12368', '400-800-1234', '13904511234', '0451-86661234']) expect(HOTLINE_RE.test(ok)).toBe(true);
    expect(HOTLINE_RE.test('999')).toBe(false);
  });

  it('checks the GB 11643 check character', () => {
    const id = withIdChecksum('23010219700101123');
    expect(isValidIdNumber(id)).toBe(true);
    const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    expect(isValidIdNumber(wrong)).toBe(false);
  });
});
