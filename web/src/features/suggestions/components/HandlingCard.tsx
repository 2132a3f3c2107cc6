import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Card, Divider, Flex, Form, Input, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth';
import { letterUrl, useHandling } from '../api/handling';
import type { Handling, Reply } from '../api/handlingTypes';
import { fmtDate, fmtDateTime, useText } from './format';
import { Consultations, CoOpinions, Evaluations, Section } from './HandlingParts';
import { PostButton } from './PostModal';
import { ReplyButtons } from './ReplyButtons';

function ReplyBlock({ id, r, mayReport }: { id: string; r: Reply; mayReport: boolean }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  return (
    <Flex vertical gap={4}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>{r.unit.name}</Typography.Text>
        {r.replyClass && (
          <Tag color="geekblue">{r.replyClassLabel ? `${r.replyClass} · ${r.replyClassLabel}` : r.replyClass}</Tag>
        )}
        <Tag>{text(r.statusLabel)}</Tag>
        {r.round > 1 && <Tag color="volcano">{t('handling.round', { round: r.round })}</Tag>}
        {r.sentAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fmtDateTime(r.sentAt)}
          </Typography.Text>
        )}
      </Flex>
      {r.text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 6, expandable: true }}>
          {r.text}
        </Typography.Paragraph>
      )}
      {r.missingFields.length > 0 && r.status !== 'sent' && (
        <Alert type="info" showIcon title={t('handling.missing', { fields: r.missingFields.join('、') })} />
      )}
      <a href={letterUrl(r.letterUrl)} download>
        <FileWordOutlined /> {t('handling.letter')}
      </a>
      {r.commitments.map((c) => (
        <Flex key={c.id} gap={6} align="center" wrap>
          <Tag color={c.status === 'done' ? 'success' : 'gold'}>
            {c.status === 'done' ? t('handling.done') : fmtDate(c.dueOn)}
          </Tag>
          <Typography.Text>{c.content}</Typography.Text>
          {c.doneNote && <Typography.Text type="secondary">（{c.doneNote}）</Typography.Text>}
          {mayReport && c.status === 'open' && r.status === 'sent' && (
            <PostButton
              label={t('handling.markDone')}
              button={{ size: 'small' }}
              path={`/suggestions/${id}/commitments/${c.id}/done`}
              fields={() => (
                <Form.Item name="note" label={t('handling.doneNote')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
                </Form.Item>
              )}
            />
          )}
        </Flex>
      ))}
    </Flex>
  );
}

function Replies({ id, h }: { id: string; h: Handling }) {
  const { t } = useTranslation('suggestions');
  // Commitments are the unit's whatever round made them: a re-handling is a new assignment.
  const me = useMe();
  const mine = [...h.replies].reverse().find((r) => r.assignmentId === h.me.assignmentId);
  const anyButton = h.me.draftReply || h.me.approveReply || h.me.sendReply;
  if (!h.replies.length && !anyButton) return null;
  return (
    <Section title={t('handling.replies')} extra={anyButton && <ReplyButtons id={id} h={h} mine={mine} />}>
      {h.replies.map((r, i) => (
        <Fragment key={r.id}>
          {i > 0 && <Divider style={{ margin: '4px 0' }} />}
          <ReplyBlock id={id} r={r} mayReport={me.role === 'unit_staff' && r.unit.id === me.organizationId} />
        </Fragment>
      ))}
    </Section>
  );
}

/** 办理情况: co opinions, consultations, replies with their letters and commitments, the deputy's rating. */
export function HandlingCard({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const handling = useHandling(id);
  const h = handling.data;
  if (!h || h.assignments.length === 0) return null;
  const m = h.me;
  const anything =
    h.coOpinions.length + h.consultations.length + h.replies.length + h.evaluations.length > 0 ||
    Object.entries(m).some(([k, v]) => k !== 'assignmentId' && v === true);
  if (!anything) return null;
  return (
    <Card title={t('handling.title')}>
      <Flex vertical gap={16}>
        <CoOpinions id={id} h={h} />
        <Consultations id={id} h={h} />
        <Replies id={id} h={h} />
        <Evaluations id={id} h={h} />
      </Flex>
    </Card>
  );
}
