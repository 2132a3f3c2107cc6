import { App, Button, Card, Empty, Flex, Popconfirm, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useAssignments } from '../../suggestions/api/handling';
import '../strings';
import { type ProgressReport, useProgressReports, useSupervision, useSupervisionActions } from '../api/supervision';
import { MarkModal, ReportModal, UrgeModal } from './SupervisionModals';

type Open = 'mark' | 'report' | 'urge' | null;
const DEAD_ASSIGNMENT = ['returned', 'withdrawn'];

function Reports({ reports }: { reports: ProgressReport[] }) {
  const { t } = useTranslation('suggestionSupervision');
  if (reports.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('card.noReports')} />;
  return (
    <Timeline
      items={reports.map((r) => ({
        key: r.id,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.reportedOn} · {r.unit?.name ?? t(`keyItems.side.${r.side}`)}
              {r.authorName && ` · ${r.authorName}`}
            </Typography.Text>
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph>
          </Flex>
        ),
      }))}
    />
  );
}

/**
 * Key supervision on a suggestion's page: the office and leaders mark it (with a topic), read and add
 * progress reports and urge a unit; a unit reads and adds the reports on its own assignment.
 */
export default function SupervisionCard({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation('suggestionSupervision');
  const { message } = App.useApp();
  const me = useMe();
  const supervisor = me.role === 'office_staff' || me.role === 'leader';
  const unit = me.role === 'unit_staff';
  const sup = useSupervision(suggestionId, supervisor);
  const unitReports = useProgressReports(suggestionId, unit);
  const actions = useSupervisionActions(suggestionId);
  const assignments = useAssignments(suggestionId, unit);
  // A returned or withdrawn assignment is history: the server takes reports on live ones only.
  const ownAssignments = (assignments.data?.items ?? [])
    .filter((a) => a.unit.id === me.organizationId && !DEAD_ASSIGNMENT.includes(a.status))
    .sort((a, b) => b.round - a.round);
  const [open, setOpen] = useState<Open>(null);
  const key = sup.data?.key ?? null;
  const unitKey = !!unitReports.data?.keyItem;
  const reports = supervisor ? (sup.data?.reports ?? []) : (unitReports.data?.items ?? []);
  // A unit sees the card while the suggestion is a key item, its first report included, or once it has reported.
  if (!supervisor && (!unit || ownAssignments.length === 0 || !(unitKey || reports.length > 0))) return null;
  const mayReport = supervisor ? !!key : unitKey;

  const unmark = async () => {
    try {
      await actions.unmark.mutateAsync();
      void message.success(t('card.unmarked'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Card
      size="small"
      title={t('card.title')}
      extra={
        supervisor && (
          <Flex gap={4} wrap>
            <Button size="small" onClick={() => setOpen('mark')}>
              {key ? t('card.changeTopic') : t('card.mark')}
            </Button>
            {key && (
              <Popconfirm title={t('card.unmarkConfirm')} onConfirm={unmark}>
                <Button size="small" danger loading={actions.unmark.isPending}>
                  {t('card.unmark')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Spin spinning={sup.isLoading || unitReports.isLoading}>
        {supervisor && sup.data && !key && <Typography.Paragraph type="secondary">{t('card.notKey')}</Typography.Paragraph>}
        {(key || unitKey) && (
          // In the body, not the title: a topic's name would be cut short beside the buttons.
          <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }}>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('card.marked')}
            </Tag>
            {key?.topic && <Typography.Text>{t('card.topic', { name: key.topic.name })}</Typography.Text>}
          </Flex>
        )}
        {key?.note && <Typography.Paragraph>{key.note}</Typography.Paragraph>}
        {(key || unit) && (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('card.reports')}</Typography.Text>
              <Flex gap={4}>
                {mayReport && (
                  <Button size="small" type="primary" onClick={() => setOpen('report')}>
                    {t('card.addReport')}
                  </Button>
                )}
                {supervisor && key && key.units.length > 0 && (
                  <Button size="small" onClick={() => setOpen('urge')}>
                    {t('card.urgeUnit')}
                  </Button>
                )}
              </Flex>
            </Flex>
            <Reports reports={reports} />
          </>
        )}
      </Spin>
      {open === 'mark' && <MarkModal current={key} actions={actions} onClose={() => setOpen(null)} />}
      {open === 'report' && (
        <ReportModal
          units={
            supervisor
              ? []
              : ownAssignments.map((a) => ({ id: a.id, label: `${a.unit.name} · ${t(`suggestions:role.${a.role}`)}` }))
          }
          actions={actions}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'urge' && key && <UrgeModal units={key.units} actions={actions} onClose={() => setOpen(null)} />}
    </Card>
  );
}
