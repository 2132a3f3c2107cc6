import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const IV_BYTES = 12;

/**
 * Random GCM nonces drawn from a pool filled 512 at a time. Reading the system's random source is a
 * system call, and one per encrypted field was 6.5 % of a public submission's node CPU (three
 * fields each); node's randomUUID pools its randomness the same way. A spent pool is replaced, not
 * overwritten, so a nonce handed out is never reused.
 */
class NoncePool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  next(): Buffer {
    if (this.offset + IV_BYTES > this.pool.length) {
      this.pool = randomBytes(IV_BYTES * 512);
      this.offset = 0;
    }
    const iv = this.pool.subarray(this.offset, this.offset + IV_BYTES);
    this.offset += IV_BYTES;
    return iv;
  }
}

const ivs = new NoncePool();

/**
 * Field encryption for personal data (DESIGN §7): AES-256-GCM ciphertext for reading back,
 * an HMAC-SHA256 blind index for exact lookups and uniqueness, both from one master key.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The data key must be 32 bytes');
    this.encKey = createHmac('sha256', masterKey).update('lianluo:enc').digest();
    this.indexKey = createHmac('sha256', masterKey).update('lianluo:index').digest();
  }

  encrypt(plain: string): string {
    const iv = ivs.next();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('Unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain).digest('hex');
  }
}

/**
 * The key comes from LIANLUO_DATA_KEY, or from a file made once in the data folder.
 * Losing it loses the encrypted fields: the README says to back it up.
 */
export function loadDataKey(dataDir: string, hex?: string): Buffer {
  if (hex) return Buffer.from(hex, 'hex');
  const file = path.join(dataDir, 'data.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

export const maskIdNumber = (id: string): string =>
  id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
