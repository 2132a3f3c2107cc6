import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationStatus, ReplyClass } from '../api/publications';

const STATUS_COLORS: Record<PublicationStatus, string> = { draft: 'default', published: 'success', unpublished: 'warning' };

export function StatusTag({ status }: { status: PublicationStatus }) {
  const { t } = useTranslation('suggestionPublication');
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** The class letter, worded in full on hover: the table has no room for the NPC's long wording. */
export function ReplyClassTag({ cls }: { cls: ReplyClass | null }) {
  const { t } = useTranslation('suggestionPublication');
  if (!cls) return <>—</>;
  return (
    <Tooltip title={t(`replyClass.${cls}`)}>
      <Tag color={cls === 'A' ? 'green' : cls === 'D' ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {t('replyClass.short', { cls })}
      </Tag>
    </Tooltip>
  );
}
