import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useRoleCatalog, useRoleName } from '../api/users';

export default function RoleCatalogPage() {
  const { t, i18n } = useTranslation('users');
  const catalog = useRoleCatalog();
  const roleName = useRoleName();
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  return (
    <>
      <PageHeader title={t('roles.title')} subtitle={t('roles.subtitle')} />
      {catalog.isError && <Alert type="error" showIcon title={errorMessage(catalog.error)} />}
      {catalog.isLoading && <Skeleton active />}
      <Row gutter={[16, 16]}>
        {(catalog.data ?? []).map((r) => (
          <Col key={r.role} xs={24} md={12} xl={8}>
            <Card
              style={{ height: '100%' }}
              title={
                <Flex gap={8} align="center" wrap>
                  {roleName(r.role)}
                  <Tag color={r.administrator ? 'purple' : 'red'}>
                    {r.administrator ? t('roles.administrator') : t('roles.business')}
                  </Tag>
                </Flex>
              }
            >
              <Typography.Paragraph type="secondary">{r.description[lang]}</Typography.Paragraph>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'code', label: t('roles.code'), children: <Typography.Text code>{r.role}</Typography.Text> },
                  { key: 'bound', label: t('roles.boundTo'), children: t(`roles.bound.${r.boundTo}`) },
                  {
                    key: 'granted',
                    label: t('roles.grantedBy'),
                    children: (
                      <Flex gap={4} wrap>
                        {r.grantedBy.map((g) => (
                          <Tag key={g}>{roleName(g)}</Tag>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('roles.abilities')}
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {r.abilities[lang].map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
