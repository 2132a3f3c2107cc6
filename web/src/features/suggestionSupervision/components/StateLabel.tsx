import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestionState } from '../../suggestions/api/types';

// The colours of the suggestions' list, so a state looks the same on both pages.
const COLORS: Partial<Record<SuggestionState, string>> = {
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

export function StateLabel({ state }: { state: SuggestionState }) {
  const { t } = useTranslation('suggestions');
  return (
    <Tag color={COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`state.${state}`)}
    </Tag>
  );
}
