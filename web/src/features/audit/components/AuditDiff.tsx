import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/audit';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation('audit');
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        fontSize: 12,
        maxHeight: 360,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** The expanded row: before and after side by side (stacked on phones), then the record's metadata. */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  return (
    <div style={{ maxWidth: '100%' }}>
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('before')}</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('after')}</Typography.Text>
          <Json value={event.after} />
        </Col>
      </Row>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'id', label: t('id'), children: event.id },
          {
            key: 'ua',
            label: t('userAgent'),
            children: <span style={{ wordBreak: 'break-all' }}>{event.userAgent ?? '—'}</span>,
          },
          {
            key: 'hash',
            label: t('hash'),
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all', whiteSpace: 'normal', fontSize: 12 }}>
                {event.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
