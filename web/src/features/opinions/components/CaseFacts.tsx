import { FileImageOutlined, FileOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseFile, Opinion } from '../api/types';
import { EvaluationTag, fmtDateTime } from './OpinionTags';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * The files of the case. The API names them but has no route to fetch them for staff yet, so they
 * are listed, not shown.
 */
function FileList({ files }: { files: CaseFile[] }) {
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <Typography.Text key={f.id}>
          {f.mimeType.startsWith('image/') ? <FileImageOutlined /> : <FileOutlined />} {f.filename}{' '}
          <Typography.Text type="secondary">({kb(f.size)})</Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** What the constituent raised, who they are (masked unless the role may see them), and the answer so far. */
export function CaseFactsCard({ opinion: o }: { opinion: Opinion }) {
  const { t, i18n } = useTranslation('opinions');
  const en = i18n.language === 'en';
  const photos = o.files.filter((f) => f.kind === 'photo');
  const replyFiles = o.files.filter((f) => f.kind === 'reply');
  const s = o.submitter;
  const consents = [o.consentShare && t('detail.consentShare'), o.consentPublish && t('detail.consentPublish')].filter(
    Boolean,
  ) as string[];

  return (
    <Flex vertical gap={16}>
      <Card title={t('detail.facts')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{o.content}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'code',
              label: t('fields.trackingCode'),
              children: <Typography.Text copyable>{o.trackingCode}</Typography.Text>,
            },
            {
              key: 'category',
              label: t('fields.category'),
              children: o.category ? (en && o.category.nameEn ? o.category.nameEn : o.category.name) : '—',
            },
            { key: 'channel', label: t('fields.channel'), children: t(`channel.${o.channel}`) },
            { key: 'received', label: t('fields.receivedAt'), children: fmtDateTime(o.receivedAt) },
            { key: 'station', label: t('fields.station'), children: o.station?.name ?? '—' },
            { key: 'region', label: t('fields.region'), children: o.regionName ?? o.regionCode },
            { key: 'place', label: t('fields.place'), children: o.placeText ?? '—', span: { xs: 1, sm: 2 } },
          ]}
        />
        {photos.length > 0 && (
          <>
            <Typography.Title level={5}>{t('detail.photos')}</Typography.Title>
            <FileList files={photos} />
          </>
        )}
      </Card>

      <Card
        title={t('fields.submitter')}
        extra={
          s.revealed ? (
            <Tag icon={<UnlockOutlined />} color="warning" style={{ marginInlineEnd: 0 }}>
              {t('tags.revealed')}
            </Tag>
          ) : (
            <Tag icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
              {t('tags.masked')}
            </Tag>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'name', label: t('fields.submitterName'), children: s.name ?? '—' },
            { key: 'phone', label: t('fields.submitterPhone'), children: s.phone ?? '—' },
            ...(s.revealed || s.address
              ? [{ key: 'address', label: t('fields.submitterAddress'), children: s.address ?? '—', span: { xs: 1, sm: 2 } }]
              : []),
            {
              key: 'consent',
              label: t('fields.consent'),
              span: { xs: 1, sm: 2 },
              children: (
                <Flex gap={4} wrap>
                  {consents.length ? consents.map((c) => <Tag key={c}>{c}</Tag>) : t('detail.noConsent')}
                  {s.nameHidden && <Tag>{t('detail.nameHidden')}</Tag>}
                </Flex>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.revealed ? t('detail.revealedHint') : t('detail.maskedHint')}
        </Typography.Text>
      </Card>

      {o.rejectReason && (
        <Alert
          type="warning"
          showIcon
          title={`${t('detail.rejectReason')}：${o.rejectReason}`}
          description={o.rejectGuidance ? `${t('detail.rejectGuidance')}：${o.rejectGuidance}` : undefined}
        />
      )}

      {(o.reply.text || o.reply.result) && (
        <Card title={t('detail.reply')}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'result',
                label: t('detail.replyResult'),
                children: o.reply.result ? <Tag color="blue">{t(`result.${o.reply.result}`)}</Tag> : '—',
              },
              {
                key: 'at',
                label: t('detail.repliedAt'),
                children: (
                  <Flex gap={6} wrap>
                    {fmtDateTime(o.reply.repliedAt)}
                    {o.reply.onTime === true && <Tag color="success">{t('detail.onTime')}</Tag>}
                    {o.reply.onTime === false && <Tag color="error">{t('detail.late')}</Tag>}
                  </Flex>
                ),
              },
              ...(o.fedBackAt ? [{ key: 'fed', label: t('detail.fedBackAt'), children: fmtDateTime(o.fedBackAt) }] : []),
              ...(o.evaluation
                ? [
                    {
                      key: 'eval',
                      label: t('fields.evaluation'),
                      children: (
                        <Flex gap={6} wrap>
                          <EvaluationTag value={o.evaluation} />
                          <Typography.Text type="secondary">{fmtDateTime(o.evaluatedAt)}</Typography.Text>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {o.reply.text && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{o.reply.text}</Typography.Paragraph>
          )}
          {o.evaluationComment && (
            <Typography.Paragraph type="secondary">
              {t('detail.evaluationComment')}：{o.evaluationComment}
            </Typography.Paragraph>
          )}
          {replyFiles.length > 0 && (
            <>
              <Typography.Title level={5}>{t('detail.files')}</Typography.Title>
              <FileList files={replyFiles} />
            </>
          )}
        </Card>
      )}
    </Flex>
  );
}
