import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseActions, Extension, Opinion } from '../api/types';
import { ExtensionDecisionModal } from './ExtensionDecisionModal';
import { ExtensionStatusTag, fmtDate, fmtDateTime, OverdueTag, UnitStatusTag } from './OpinionTags';

function ExtensionItem({ e, canDecide, onDecide }: { e: Extension; canDecide: boolean; onDecide: (e: Extension) => void }) {
  const { t } = useTranslation('opinions');
  return (
    <Flex vertical gap={2} style={{ paddingBlock: 4 }}>
      <Flex gap={6} wrap align="center">
        <ExtensionStatusTag status={e.status} />
        <Typography.Text>{t('detail.extensionLine', { days: e.requestedDays })}</Typography.Text>
        {e.newDueAt && <Typography.Text type="secondary">{t('detail.newDue', { date: fmtDate(e.newDueAt) })}</Typography.Text>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[e.requestedByName, fmtDateTime(e.createdAt)].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>{e.reason}</Typography.Text>
      {e.decisionNote && <Typography.Text type="secondary">{e.decisionNote}</Typography.Text>}
      {canDecide && e.status === 'pending' && (
        <Button size="small" type="primary" onClick={() => onDecide(e)} style={{ alignSelf: 'flex-start', marginTop: 4 }}>
          {t('form.approve')} / {t('form.refuse')}
        </Button>
      )}
    </Flex>
  );
}

/** 办理情况: who answers for the case, which units hold it, and its deadlines. */
export function HandlingCard({ opinion: o, actions }: { opinion: Opinion; actions: CaseActions | undefined }) {
  const { t } = useTranslation('opinions');
  const [deciding, setDeciding] = useState<Extension | null>(null);
  const units = [...o.units].sort((a, b) => b.round - a.round || (a.role === 'lead' ? -1 : 1));

  const items = [
    {
      key: 'deputy',
      label: t('fields.responsibleDeputy'),
      children: o.responsibleDeputy?.name || t('list.noDeputy'),
    },
    {
      key: 'due',
      label: t('detail.deadline'),
      children: o.dueAt ? (
        <Flex gap={6} wrap align="center">
          <Typography.Text type={o.overdue ? 'danger' : undefined}>{fmtDateTime(o.dueAt)}</Typography.Text>
          {o.overdue && <OverdueTag />}
        </Flex>
      ) : (
        t('detail.noDeadline')
      ),
    },
    ...(o.reply.dueAt ? [{ key: 'replyDue', label: t('detail.replyDue'), children: fmtDateTime(o.reply.dueAt) }] : []),
    ...(o.overdueStages.length
      ? [
          {
            key: 'stages',
            label: t('detail.overdueStages'),
            children: (
              <Flex gap={4} wrap>
                {[...new Set(o.overdueStages)].map((s) => (
                  <Tag key={s} color="error">
                    {t(`state.${s}`, { defaultValue: s })}
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    ...(o.urgeCount ? [{ key: 'urged', label: t('detail.urged'), children: t('tags.urged', { count: o.urgeCount }) }] : []),
    ...(o.supervised
      ? [
          {
            key: 'supervision',
            label: t('detail.supervision'),
            children: (
              <Flex vertical gap={2}>
                <Typography.Text>{o.supervisedBy?.name}</Typography.Text>
                {o.supervisionInstruction && (
                  <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
                    {o.supervisionInstruction}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
        ]
      : []),
    ...(o.complex ? [{ key: 'complex', label: t('tags.complex'), children: t('common:yes') }] : []),
    ...(o.rehandleCount
      ? [{ key: 'rehandle', label: t('action.rehandle'), children: t('detail.rehandleCount', { count: o.rehandleCount }) }]
      : []),
    ...(o.mergedIntoId
      ? [
          {
            key: 'merged',
            label: t('state.merged'),
            children: <Link to={`/opinions/${o.mergedIntoId}`}>{t('detail.mergedInto')}</Link>,
          },
        ]
      : []),
    ...(o.mergedCount
      ? [{ key: 'mergedCount', label: t('action.merge'), children: t('detail.mergedCount', { count: o.mergedCount }) }]
      : []),
  ];

  return (
    <Card title={t('detail.handling')}>
      <Descriptions size="small" column={1} items={items} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('detail.units')}
      </Typography.Title>
      {units.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noUnits')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {units.map((u) => (
            <Flex key={`${u.unitId}-${u.round}`} vertical gap={2}>
              <Flex gap={6} wrap align="center">
                <Tag color={u.role === 'lead' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {t(`unitRole.${u.role}`)}
                </Tag>
                <Typography.Text strong>{u.name}</Typography.Text>
                <UnitStatusTag status={u.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[t('detail.round', { round: u.round }), u.dueAt && t('detail.unitDue', { date: fmtDate(u.dueAt) })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {o.extensions.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('detail.extensions')}
          </Typography.Title>
          {o.extensions.map((e) => (
            <ExtensionItem key={e.id} e={e} canDecide={!!actions?.decideExtension} onDecide={setDeciding} />
          ))}
        </>
      )}
      <ExtensionDecisionModal opinionId={o.id} extension={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
