import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { REDACTION_KINDS, redact, useRedactionPreview } from '../api/publications';

/** The value once it has stopped changing for `ms`: the check runs on a pause in typing, not on each key. */
function useSettled<T>(value: T, ms = 600): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `value`, whose identity may change each render
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}

interface Props {
  /** What is checked: the public title (if any) and text, with the names to mask. */
  title?: string;
  text: string;
  names: string[];
  /** A draft yet to be made: what is found will be masked, and the masked text is shown. */
  draft?: boolean;
  /** Offers to mask what was found, handing back the masked title and text. */
  onApply?: (masked: { title: string; text: string }) => void;
}

/**
 * The server's redaction run over what would be published: what it would still mask, by kind. The
 * server refuses to publish while a number or a listed name is left; the rest are hints.
 */
export function RedactionCheck({ title = '', text, names, draft, onApply }: Props) {
  const { t } = useTranslation('suggestionPublication');
  const settled = useSettled({ whole: title ? `${title}\n${text}` : text, names });
  const preview = useRedactionPreview(settled.whole, settled.names);
  const [applying, setApplying] = useState(false);
  const found = REDACTION_KINDS.filter((k) => (preview.data?.found[k] ?? 0) > 0);

  const apply = async () => {
    if (!onApply) return;
    setApplying(true);
    try {
      const [t1, t2] = await Promise.all([
        title.trim() ? redact(title, names) : Promise.resolve({ text: title }),
        redact(text, names),
      ]);
      onApply({ title: t1.text, text: t2.text });
    } finally {
      setApplying(false);
    }
  };

  if (!text.trim()) return null;
  if (preview.isError) {
    return <Alert type="warning" showIcon title={t('check.failed', { message: errorMessage(preview.error) })} />;
  }
  if (!preview.data) return <Typography.Text type="secondary">{t('check.checking')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {found.length === 0 ? (
        <Alert type="success" showIcon title={t('check.clean')} />
      ) : (
        <Alert
          type={draft ? 'info' : 'warning'}
          showIcon
          title={
            <Flex gap={6} wrap align="center">
              <span>{draft ? t('check.willMask') : t('check.found')}</span>
              {found.map((k) => (
                <Tag key={k} color={k === 'door_number' || k === 'address' ? 'default' : 'orange'} style={{ marginInlineEnd: 0 }}>
                  {t(`check.kind.${k}`, { count: preview.data.found[k] })}
                </Tag>
              ))}
            </Flex>
          }
          description={!draft && t('check.hint')}
          action={
            onApply && (
              <Button size="small" loading={applying} onClick={() => void apply()}>
                {t('check.apply')}
              </Button>
            )
          }
        />
      )}
      {draft && (
        <div aria-live="polite">
          <Typography.Text type="secondary">{t('create.preview')}</Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6, margin: '4px 0 0' }}
          >
            {preview.data.text}
          </Typography.Paragraph>
        </div>
      )}
    </Flex>
  );
}
