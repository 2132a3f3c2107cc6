import { type FieldCrypto, maskPhone } from '../../platform/crypto.js';

/**
 * The constituent's name, phone and address are encrypted at rest (DESIGN §7); lists and most roles
 * see masked copies, and the phone has a blind index so the portal can find a case by it.
 */
export interface Submitter {
  name: string | null;
  phone: string | null;
  address: string | null;
}

/** 张三 → 张*, 欧阳修文 → 欧***, Li Lei → L*****. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

export function sealSubmitter(crypto: FieldCrypto, s: Submitter) {
  return {
    submitterNameEnc: s.name ? crypto.encrypt(s.name) : null,
    submitterNameMasked: s.name ? maskName(s.name) : null,
    submitterPhoneEnc: s.phone ? crypto.encrypt(s.phone) : null,
    submitterPhoneHash: s.phone ? crypto.blindIndex(s.phone) : null,
    submitterPhoneMasked: s.phone ? maskPhone(s.phone) : null,
    submitterAddressEnc: s.address ? crypto.encrypt(s.address) : null,
  };
}

interface Sealed {
  submitterNameEnc: string | null;
  submitterNameMasked: string | null;
  submitterPhoneEnc: string | null;
  submitterPhoneMasked: string | null;
  submitterAddressEnc: string | null;
}

/** What a reader sees of the constituent: the plain values when the role needs them, masked copies otherwise. */
export function openSubmitter(crypto: FieldCrypto, row: Sealed, reveal: boolean): Submitter {
  if (!reveal) return { name: row.submitterNameMasked, phone: row.submitterPhoneMasked, address: null };
  return {
    name: row.submitterNameEnc ? crypto.decrypt(row.submitterNameEnc) : null,
    phone: row.submitterPhoneEnc ? crypto.decrypt(row.submitterPhoneEnc) : null,
    address: row.submitterAddressEnc ? crypto.decrypt(row.submitterAddressEnc) : null,
  };
}
