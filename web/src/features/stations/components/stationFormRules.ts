import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api';
import { STATION_CODE_RE } from '../api/types';

/** Same rule as the server's PHONE_RE: mobiles, landlines with area code, short and 400 numbers. */
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[0-9]{4,5}|400-?\d{3}-?\d{4})$/;

/** The six-digit county code a station code starts with: 230102001 → 230102, 2301 → 230100. */
export const countyCodeOf = (regionCode: string) => regionCode.slice(0, 6).padEnd(6, '0');

export function stationRules(t: TFunction) {
  const code: FormRule = ({ getFieldValue }) => ({
    validator: async (_, value?: string) => {
      const v = value?.trim();
      if (!v) throw new Error(t('stations:form.rules.codeRequired'));
      if (!STATION_CODE_RE.test(v)) throw new Error(t('stations:form.rules.codeFormat'));
      const region = getFieldValue('regionCode') as string | undefined;
      if (region && !v.startsWith(`${countyCodeOf(region)}-`)) {
        throw new Error(t('stations:form.rules.codeRegion', { county: countyCodeOf(region) }));
      }
    },
  });

  const hotline: FormRule = {
    validator: async (_, value?: string) => {
      const v = value?.replace(/\s+/g, '');
      if (v && !PHONE_RE.test(v)) throw new Error(t('stations:form.rules.hotline'));
    },
  };

  /** Both coordinates or neither: a point on the map needs both. */
  const pair =
    (other: 'latitude' | 'longitude'): FormRule =>
    ({ getFieldValue }) => ({
      validator: async (_, value?: number | null) => {
        const mine = value !== undefined && value !== null;
        const theirs = getFieldValue(other) !== undefined && getFieldValue(other) !== null;
        if (mine !== theirs) throw new Error(t('stations:form.rules.coordinatesPair'));
      },
    });

  return { code, hotline, latitude: pair('longitude'), longitude: pair('latitude') };
}

/** Server refusals that carry no field path but clearly concern one field. */
const FIELD_OF_CODE: Record<string, string> = {
  STATION_CODE_TAKEN: 'code',
  STATION_CODE_REGION_MISMATCH: 'code',
  UNKNOWN_REGION: 'regionCode',
  COORDINATES_INCOMPLETE: 'longitude',
};

export function withFieldIssues(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.issues?.length) return err;
  const field = FIELD_OF_CODE[err.code];
  return field ? new ApiError(err.status, err.code, err.message, [{ path: field, message: err.message }]) : err;
}
