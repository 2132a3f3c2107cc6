import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, type BreadcrumbProps, Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right; they wrap under the title on narrow screens. */
  extra?: ReactNode;
  breadcrumb?: BreadcrumbProps['items'];
  /** Shows a back arrow: a path, or true for the previous page in history. */
  back?: string | true;
}

export function PageHeader({ title, subtitle, extra, breadcrumb, back }: PageHeaderProps) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }}>
      {breadcrumb && <Breadcrumb items={breadcrumb} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: '1 1 240px' }}>
          {back && (
            <Button
              type="text"
              aria-label={t('actions.back')}
              icon={<ArrowLeftOutlined />}
              onClick={() => (back === true ? navigate(-1) : navigate(back))}
            />
          )}
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
          </div>
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}
