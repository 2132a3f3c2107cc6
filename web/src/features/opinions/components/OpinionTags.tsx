import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseUnit, Evaluation, Extension, OpinionState } from '../api/types';

const STATE_COLOR: Record<OpinionState, string> = {
  submitted: 'gold',
  accepted: 'blue',
  in_review: 'purple',
  transferred: 'geekblue',
  handling: 'processing',
  replied: 'cyan',
  awaiting_evaluation: 'lime',
  closed: 'success',
  rejected: 'default',
  merged: 'default',
  converted: 'magenta',
};

const tag = { marginInlineEnd: 0 } as const;

export function StateTag({ state }: { state: OpinionState }) {
  const { t } = useTranslation('opinions');
  return (
    <Tag color={STATE_COLOR[state]} style={tag}>
      {t(`state.${state}`)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useTranslation('opinions');
  return (
    <Tag color="error" style={tag}>
      {t('tags.overdue')}
    </Tag>
  );
}

export function SupervisedTag() {
  const { t } = useTranslation('opinions');
  return (
    <Tag color="red" variant="solid" style={tag}>
      {t('tags.supervised')}
    </Tag>
  );
}

export function UrgedTag({ count }: { count: number }) {
  const { t } = useTranslation('opinions');
  return count > 0 ? (
    <Tag color="orange" style={tag}>
      {t('tags.urged', { count })}
    </Tag>
  ) : null;
}

const EVALUATION_COLOR: Record<Evaluation, string> = { satisfied: 'success', basically_satisfied: 'cyan', unsatisfied: 'error' };

export function EvaluationTag({ value }: { value: Evaluation }) {
  const { t } = useTranslation('opinions');
  return (
    <Tag color={EVALUATION_COLOR[value]} style={tag}>
      {t(`evaluation.${value}`)}
    </Tag>
  );
}

const UNIT_STATUS_COLOR: Record<CaseUnit['status'], string> = {
  transferred: 'gold',
  handling: 'processing',
  returned: 'default',
  replied: 'success',
};

export function UnitStatusTag({ status }: { status: CaseUnit['status'] }) {
  const { t } = useTranslation('opinions');
  return (
    <Tag color={UNIT_STATUS_COLOR[status]} style={tag}>
      {t(`unitStatus.${status}`)}
    </Tag>
  );
}

const EXT_COLOR: Record<Extension['status'], string> = { pending: 'gold', approved: 'success', rejected: 'default' };

export function ExtensionStatusTag({ status }: { status: Extension['status'] }) {
  const { t } = useTranslation('opinions');
  return (
    <Tag color={EXT_COLOR[status]} style={tag}>
      {t(`extensionStatus.${status}`)}
    </Tag>
  );
}

/** Dates as China's offices write them; the browser's zone is the reader's. */
export const fmtDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
