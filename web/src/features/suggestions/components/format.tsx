import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Kind, SuggestionState, Text } from '../api/types';

export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const fmtDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The server's bilingual text in the console's language. */
export function useText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (t: Text | null | undefined) => (t ? (en ? t.en : t.zh) : '');
}

const STATE_COLORS: Partial<Record<SuggestionState, string>> = {
  draft: 'default',
  cosigning: 'gold',
  submitted: 'processing',
  accepted: 'blue',
  committee_review: 'purple',
  assigned: 'cyan',
  awaiting_evaluation: 'orange',
  rehandling: 'volcano',
  closed: 'success',
  fulfilled: 'green',
  listed: 'success',
  rejected: 'error',
};

export function StateTag({ state, label }: { state: SuggestionState; label: Text }) {
  const text = useText();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {text(label)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: Kind }) {
  const { t } = useTranslation('suggestions');
  return (
    <Tag color={kind === 'motion' ? 'magenta' : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`kind.${kind}`)}
    </Tag>
  );
}
