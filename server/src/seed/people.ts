import { randomUUID } from 'node:crypto';
import { sealIdNumber, sealPhone } from '../modules/deputies/deputies.rules.js';
import type { persons } from '../modules/deputies/deputies.tables.js';
import type { FieldCrypto } from '../platform/crypto.js';
import { withIdChecksum } from '../platform/ids.js';
import { pinyinKeys } from '../platform/text.js';
import { type DeputyLevel, ETHNICITIES, education, mobilePhone, occupation, PARTIES, personName } from './names.js';
import type { Random } from './random.js';

export type PersonRow = typeof persons.$inferInsert & { id: string };

/** Oldest and youngest birth year of a deputy of each level in the current terms. */
const BIRTH_YEARS: Record<DeputyLevel, readonly [number, number]> = {
  national: [1962, 1986],
  provincial: [1962, 1988],
  municipal: [1963, 1992],
  county: [1963, 1996],
  township: [1963, 1998],
};

/**
 * Makes persons with personal data sealed by the deputies module's own helpers (AES-GCM
 * ciphertext, HMAC blind index of the normalized value, masked form), so the demo's deputies are
 * found and revealed exactly like entered ones. ID numbers carry the county's area code,
 * the birth date, a sequence whose parity gives the gender, and a valid GB 11643 check character;
 * they and the phone numbers are unique across the demo.
 */
export class PeopleFactory {
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly pinyin = new Map<string, { namePinyin: string; nameInitials: string }>();

  constructor(private readonly crypto: FieldCrypto) {}

  create(rng: Random, level: DeputyLevel, countyCode: string, regionCode: string, rural: boolean): PersonRow {
    const gender = rng.chance(level === 'township' ? 0.28 : 0.3) ? 'female' : 'male';
    const name = personName(rng, gender);
    const [from, to] = BIRTH_YEARS[level];
    const year = rng.int(from, to);
    const month = rng.int(1, 12);
    const day = rng.int(1, daysIn(year, month));
    const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
    const idNumber = this.idNumber(rng, countyCode, birthDate, gender);
    const phone = this.phone(rng);
    const job = occupation(rng, level, rural);
    return {
      id: randomUUID(),
      regionCode,
      name,
      gender,
      ethnicity: rng.weighted(ETHNICITIES),
      birthDate,
      party: rng.weighted(PARTIES),
      education: education(rng, level),
      occupationCategory: job.category,
      occupation: job.title,
      ...sealPhone(this.crypto, phone),
      ...sealIdNumber(this.crypto, idNumber),
      ...this.keys(name),
    };
  }

  private keys(name: string) {
    let k = this.pinyin.get(name);
    if (!k) {
      k = pinyinKeys(name);
      this.pinyin.set(name, k);
    }
    return k;
  }

  private idNumber(rng: Random, countyCode: string, birthDate: string, gender: 'male' | 'female'): string {
    const prefix = countyCode + birthDate.replaceAll('-', '');
    for (;;) {
      // The 17th digit is odd for men and even for women.
      const seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const id = withIdChecksum(prefix + String(seq).padStart(3, '0'));
      if (!this.idNumbers.has(id)) {
        this.idNumbers.add(id);
        return id;
      }
    }
  }

  private phone(rng: Random): string {
    for (;;) {
      const p = mobilePhone(rng);
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
