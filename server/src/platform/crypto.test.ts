import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from './crypto.js';

describe('field encryption', () => {
  const crypto = new FieldCrypto(randomBytes(32));

  it('reads back what it sealed, and never uses a nonce twice, past a refill of its pool', () => {
    const phones = Array.from({ length: 1300 }, (_, i) => `13900${String(i).padStart(6, '0')}`);
    const sealed = phones.map((p) => crypto.encrypt(p));
    expect(sealed.map((s) => crypto.decrypt(s))).toEqual(phones);
    const nonces = new Set(sealed.map((s) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex')));
    expect(nonces.size).toBe(sealed.length);
  });

  it('refuses a tampered ciphertext and another key', () => {
    const sealed = crypto.encrypt('李女士');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => new FieldCrypto(randomBytes(32)).decrypt(sealed)).toThrow();
  });
});
