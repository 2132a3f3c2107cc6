import { DatePicker, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_KINDS, type Handling, RATINGS } from '../api/handlingTypes';
import { fmtDate, fmtDateTime, useText } from './format';
import { PostButton } from './PostModal';

const CONFIRM_COLOR = { pending: 'gold', confirmed: 'success', disputed: 'error' } as const;

export function Section({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}

export function CoOpinions({ id, h }: { id: string; h: Handling }) {
  const { t } = useTranslation('suggestions');
  if (!h.coOpinions.length && !h.me.sendOpinion) return null;
  return (
    <Section
      title={t('handling.coOpinions')}
      extra={
        h.me.sendOpinion && (
          <PostButton
            label={t('handling.sendOpinion')}
            button={{ type: 'primary', size: 'small' }}
            path={`/suggestions/${id}/co-opinion`}
            fields={() => (
              <Form.Item
                name="text"
                label={t('handling.opinionText')}
                rules={[{ required: true, whitespace: true, message: t('handling.opinionText') }]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
              </Form.Item>
            )}
          />
        )
      }
    >
      {h.coOpinions.map((o) => (
        <div key={o.id}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.unit.name} · {fmtDateTime(o.sentAt)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.text}</Typography.Paragraph>
        </div>
      ))}
    </Section>
  );
}

export function Consultations({ id, h }: { id: string; h: Handling }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  if (!h.consultations.length && !h.me.logConsultation) return null;
  return (
    <Section
      title={t('handling.consultations')}
      extra={
        h.me.logConsultation && (
          <PostButton
            label={t('handling.logConsultation')}
            button={{ size: 'small' }}
            path={`/suggestions/${id}/consultations`}
            initialValues={{ kind: 'face_to_face', heldAt: dayjs().startOf('hour') }}
            body={(v) => ({ ...v, heldAt: (v.heldAt as Dayjs).format() })}
            fields={() => (
              <>
                <Form.Item name="kind" label={t('handling.kind')}>
                  <Select options={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`consultationKind.${k}`) }))} />
                </Form.Item>
                <Form.Item name="heldAt" label={t('handling.heldAt')} rules={[{ required: true, message: t('handling.heldAt') }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="place" label={t('handling.place')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="participants" label={t('handling.participants')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item
                  name="summary"
                  label={t('handling.summary')}
                  rules={[{ required: true, whitespace: true, message: t('handling.summary') }]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount />
                </Form.Item>
              </>
            )}
          />
        )
      }
    >
      {h.faceToFace && <Tag color="success">{t('handling.faceToFace')}</Tag>}
      {h.consultations.map((c) => (
        <Flex key={c.id} vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <Typography.Text>{text(c.kindLabel)}</Typography.Text>
            <Tag color={CONFIRM_COLOR[c.confirmation]}>{t(`handling.confirmation.${c.confirmation}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.unit.name} · {fmtDateTime(c.heldAt)}
              {c.place ? ` · ${c.place}` : ''}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.summary}</Typography.Paragraph>
          {c.confirmationNote && <Typography.Text type="secondary">{c.confirmationNote}</Typography.Text>}
          {h.me.confirmConsultation && c.confirmation === 'pending' && (
            <Flex gap={6}>
              <PostButton
                label={t('handling.confirm')}
                button={{ type: 'primary', size: 'small' }}
                path={`/suggestions/${id}/consultations/${c.id}/answer`}
                body={() => ({ decision: 'confirm' })}
              />
              <PostButton
                label={t('handling.dispute')}
                button={{ size: 'small', danger: true }}
                path={`/suggestions/${id}/consultations/${c.id}/answer`}
                body={(v) => ({ decision: 'dispute', note: v.note })}
                fields={() => (
                  <Form.Item
                    name="note"
                    label={t('handling.disputeNote')}
                    rules={[{ required: true, whitespace: true, message: t('handling.disputeNote') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
                  </Form.Item>
                )}
              />
            </Flex>
          )}
        </Flex>
      ))}
    </Section>
  );
}

export function Evaluations({ id, h }: { id: string; h: Handling }) {
  const { t } = useTranslation('suggestions');
  const rating = (r: string | null) => (r ? t(`rating.${r}`) : '—');
  if (!h.evaluations.length && !h.me.evaluate && !h.me.fulfil) return null;
  const ratingField = (name: string) => (
    <Form.Item name={name} label={t(`handling.${name}`)} rules={[{ required: true, message: t(`handling.${name}`) }]}>
      <Radio.Group optionType="button" options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
    </Form.Item>
  );
  return (
    <Section
      title={t('handling.evaluations')}
      extra={
        <Flex gap={6} wrap>
          {h.me.evaluate && (
            <PostButton
              label={t('handling.evaluate')}
              button={{ type: 'primary' }}
              hint={t('handling.evaluateHint')}
              path={`/suggestions/${id}/evaluation`}
              fields={() => (
                <>
                  {ratingField('result')}
                  {ratingField('attitude')}
                  <Form.Item name="comment" label={t('handling.comment')}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                  </Form.Item>
                </>
              )}
            />
          )}
          {h.me.fulfil && (
            <PostButton label={t('handling.fulfil')} button={{ type: 'primary' }} path={`/suggestions/${id}/fulfil`} />
          )}
        </Flex>
      }
    >
      {h.evaluations.map((e) => (
        <Typography.Text key={e.round}>
          {t('handling.round', { round: e.round })}：
          {e.silent
            ? t('handling.silent')
            : `${t('handling.result')} ${rating(e.result)} · ${t('handling.attitude')} ${rating(e.attitude)}`}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {fmtDate(e.evaluatedAt)}
          </Typography.Text>
          {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
        </Typography.Text>
      ))}
    </Section>
  );
}
