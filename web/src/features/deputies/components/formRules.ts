import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { DeputyLevel } from '../api/types';
import { idNumberFacts, idNumberProblem, PHONE_RE } from '../utils/idNumber';

/** How many leading digits of a region code name the congress of each level (as the server's rules). */
export const CONGRESS_CODE_LENGTH: Record<DeputyLevel, number> = {
  national: 2,
  provincial: 2,
  municipal: 4,
  county: 6,
  township: 9,
};

/** Mobile numbers are compared without spaces or a +86 prefix, as the server stores them. */
export function normalizePhone(input: string): string {
  const s = input.replace(/[\s\u3000]+/g, '');
  const m = /^(?:\+?86-?)(1\d{10})$/.exec(s);
  return m ? (m[1] as string) : s;
}

export const normalizeIdNumber = (input: string) => input.replace(/[\s\u3000]+/g, '').toUpperCase();

/** The form's client-side checks; the server checks the same again and its word is final. */
export function deputyRules(t: TFunction<'deputies'>, opts: { idRequired: boolean }) {
  const idNumber: FormRule[] = [
    { required: opts.idRequired, whitespace: true, message: t('form.rules.idNumberRequired') },
    {
      validator: async (_, value?: string) => {
        if (!value?.trim()) return;
        const problem = idNumberProblem(normalizeIdNumber(value));
        if (problem) throw new Error(t(`form.rules.idNumber.${problem}`));
      },
    },
  ];

  const phone: FormRule[] = [
    {
      validator: async (_, value?: string) => {
        if (!value?.trim()) return;
        if (!PHONE_RE.test(normalizePhone(value))) throw new Error(t('form.rules.phone'));
      },
    },
  ];

  /** Gender and birth date are written into the ID number; a mismatch is a typo in one of them. */
  const gender: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value?: string) => {
      const facts = idNumberFacts(normalizeIdNumber(String(getFieldValue('idNumber') ?? '')));
      if (value && facts && facts.gender !== value) throw new Error(t('form.rules.genderMismatch'));
    },
  });

  const birthDate: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value?: Dayjs | null) => {
      const facts = idNumberFacts(normalizeIdNumber(String(getFieldValue('idNumber') ?? '')));
      if (value && facts && value.format('YYYY-MM-DD') !== facts.birthDate) throw new Error(t('form.rules.birthDateMismatch'));
    },
  });

  const regionCode: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value?: string) => {
      const level = getFieldValue('level') as DeputyLevel | undefined;
      if (!value || !level) return;
      if (value.length < CONGRESS_CODE_LENGTH[level]) throw new Error(t(`form.rules.regionTooHigh.${level}`));
    },
  });

  const endedOn: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value?: Dayjs | null) => {
      if (!value) return;
      const started = getFieldValue('startedOn') as Dayjs | null | undefined;
      if (started && value.isBefore(started, 'day')) throw new Error(t('form.rules.endBeforeStart'));
      if (getFieldValue('status') === 'serving') throw new Error(t('form.rules.servingNoEnd'));
    },
  });

  return { idNumber, phone, gender, birthDate, regionCode, endedOn };
}
