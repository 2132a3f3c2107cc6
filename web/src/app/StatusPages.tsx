import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('status.forbiddenTitle')}
      subTitle={t('status.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('status.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.home')}</Button>
        </Link>
      }
    />
  );
}
