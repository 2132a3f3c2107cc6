import { Alert, Card, DatePicker, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { useAssignments } from '../api/handling';
import type { AssignmentView } from '../api/handlingTypes';
import { AssignButton } from './AssignForm';
import { BatchListLinks } from './BatchAssign';
import { fmtDate, useText } from './format';
import { PostButton } from './PostModal';
import { UnitSelect } from './UnitSelect';

const day = (d: unknown) => (d && typeof d === 'object' && 'format' in d ? (d as Dayjs).format('YYYY-MM-DD') : null);

function Reason({ required = false, name = 'reason' }: { required?: boolean; name?: string }) {
  const { t } = useTranslation('suggestions');
  return (
    <Form.Item
      name={name}
      label={t('actionFields.reason')}
      rules={required ? [{ required: true, whitespace: true, message: t('actionFields.reasonRequired') }] : []}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
    </Form.Item>
  );
}

function AssignmentActions({ a }: { a: AssignmentView }) {
  const { t } = useTranslation('suggestions');
  const base = `/suggestion-assignments/${a.id}`;
  const pendingExt = a.extensions.find((e) => e.status === 'pending');
  return (
    <Flex gap={6} wrap>
      {a.actions.map((act) => {
        const label = t(`assign.action.${act}`);
        switch (act) {
          case 'accept':
            return <PostButton key={act} label={label} button={{ type: 'primary', size: 'small' }} path={`${base}/accept`} />;
          case 'request_return':
            return (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small', danger: true }}
                hint={t('assign.returnHint')}
                path={`${base}/request-return`}
                fields={() => <Reason required />}
              />
            );
          case 'request_extension':
            return (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small' }}
                hint={t('assign.extensionHint')}
                path={`${base}/extensions`}
                body={(v) => ({ reason: v.reason, dueOn: day(v.dueOn) })}
                fields={() => (
                  <>
                    <Form.Item name="dueOn" label={t('assign.newDue')} rules={[{ required: true, message: t('assign.newDue') }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                    <Reason required />
                  </>
                )}
              />
            );
          case 'decide_return':
            return (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small' }}
                path={`${base}/decide-return`}
                initialValues={{ decision: 'approve' }}
                body={(v) => ({
                  decision: v.decision,
                  reason: v.reason || null,
                  reassignTo: v.unitId ? { unitId: v.unitId } : null,
                })}
                fields={() => (
                  <>
                    <Form.Item name="decision">
                      <Radio.Group options={['approve', 'refuse'].map((d) => ({ value: d, label: t(`assign.decision.${d}`) }))} />
                    </Form.Item>
                    <Form.Item name="unitId" label={t('assign.reassignTo')}>
                      <UnitSelect />
                    </Form.Item>
                    <Reason />
                  </>
                )}
              />
            );
          case 'reassign':
            return (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small' }}
                path={`${base}/reassign`}
                fields={() => (
                  <Form.Item
                    name="unitId"
                    label={t('assign.reassignTo')}
                    rules={[{ required: true, message: t('assign.unitRequired') }]}
                  >
                    <UnitSelect />
                  </Form.Item>
                )}
              />
            );
          case 'withdraw':
            return (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small', danger: true }}
                path={`${base}/withdraw`}
                fields={() => <Reason />}
              />
            );
          case 'decide_extension':
            return pendingExt ? (
              <PostButton
                key={act}
                label={label}
                button={{ size: 'small' }}
                hint={t('assign.extensionAsked', { date: fmtDate(pendingExt.requestedDueAt), reason: pendingExt.reason })}
                path={`/suggestion-extensions/${pendingExt.id}/decide`}
                initialValues={{ decision: 'approve' }}
                body={(v) => ({ decision: v.decision, note: v.note || null, dueOn: day(v.dueOn) })}
                fields={() => (
                  <>
                    <Form.Item name="decision">
                      <Radio.Group options={['approve', 'refuse'].map((d) => ({ value: d, label: t(`assign.decision.${d}`) }))} />
                    </Form.Item>
                    <Form.Item name="dueOn" label={t('assign.grantedDue')}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name="note" label={t('actionFields.note')}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
                    </Form.Item>
                  </>
                )}
              />
            ) : null;
          default:
            return null;
        }
      })}
    </Flex>
  );
}

/** 交办情况: the units, their roles, due dates, returns and extensions; the office assigns from here. */
export function AssignmentCard({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const panel = useAssignments(id);
  const me = useMe();
  if (panel.isLoading || panel.error) return null;
  const p = panel.data;
  if (!p || (!p.canAssign && p.items.length === 0)) return null;
  const batchLabel = p.items.find((a) => a.batchLabel)?.batchLabel;
  return (
    <Card title={t('assign.title')} extra={p.canAssign && <AssignButton id={id} />}>
      {p.items.length === 0 && <Typography.Text type="secondary">{t('assign.none')}</Typography.Text>}
      {batchLabel && (me.role === 'office_staff' || me.role === 'leader') && <BatchListLinks label={batchLabel} />}
      {p.items.length > 0 && (
        <List
          size="small"
          dataSource={p.items}
          renderItem={(a) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{a.unit.name}</Typography.Text>
                  <Tag color={a.role === 'lead' ? 'red' : 'blue'}>{text(a.roleLabel)}</Tag>
                  <Tag>{text(a.statusLabel)}</Tag>
                  {a.overdue && <Tag color="error">{t('assign.overdue')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assign.due', { date: fmtDate(a.dueAt) })}
                  {a.returnWindowOpen && a.returnDueAt && ` · ${t('assign.returnBy', { date: fmtDate(a.returnDueAt) })}`}
                  {a.batchLabel && ` · ${a.batchLabel}`}
                </Typography.Text>
                {a.returns
                  .filter((r) => r.status === 'pending')
                  .map((r) => (
                    <Alert key={r.id} type="warning" showIcon title={t('assign.returnAsked', { reason: r.reason })} />
                  ))}
                {a.extensions.map((e) => (
                  <Typography.Text key={e.id} type="secondary" style={{ fontSize: 12 }}>
                    {t('assign.extension', { date: fmtDate(e.newDueAt ?? e.requestedDueAt), status: text(e.statusLabel) })}
                  </Typography.Text>
                ))}
                <AssignmentActions a={a} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
