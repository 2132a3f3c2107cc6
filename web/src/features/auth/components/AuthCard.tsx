import { Card, Flex, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../../../lib/i18n';

/** The centred card of the sign-in and password pages, with the language switch above it. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: '24px 12px',
        background: 'linear-gradient(160deg, #fdecea 0%, #f5f5f5 45%, #f5f5f5 100%)',
      }}
    >
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 400, marginBottom: 16 }}>
        <Flex align="baseline" gap={8} style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ color: '#b71c1c', margin: 0, whiteSpace: 'nowrap' }}>
            {t('common:app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" ellipsis>
            {t('common:app.fullName')}
          </Typography.Text>
        </Flex>
        <Segmented<Language>
          size="small"
          value={i18n.language === 'en' ? 'en' : 'zh-CN'}
          onChange={setLanguage}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
        />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }} title={title}>
        {children}
      </Card>
    </Flex>
  );
}
