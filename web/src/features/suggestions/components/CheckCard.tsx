import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { useCheck } from '../api/suggestions';
import { CheckNotices } from './CheckNotices';

/** Runs POST /api/suggestions/check on what the form holds now: the one-matter warning and similar suggestions. */
export function CheckCard({ congressId, suggestionId }: { congressId?: string; suggestionId?: string }) {
  const { t } = useTranslation('suggestions');
  const form = Form.useFormInstance();
  const check = useCheck();
  const run = () => {
    const { title, grounds, proposal } = form.getFieldsValue(['title', 'grounds', 'proposal']) as Record<
      string,
      string | undefined
    >;
    if (!title?.trim()) {
      void form.validateFields(['title']);
      return;
    }
    check.mutate({
      congressId: congressId ?? null,
      suggestionId: suggestionId ?? null,
      title,
      grounds: grounds ?? '',
      proposal: proposal ?? '',
    });
  };
  return (
    <Card size="small" title={t('check.title')}>
      <Button icon={<SearchOutlined />} onClick={run} loading={check.isPending} block style={{ marginBottom: 12 }}>
        {check.isPending ? t('form.checking') : t('form.check')}
      </Button>
      {check.error && <Alert type="error" showIcon title={errorMessage(check.error)} />}
      {check.data ? (
        <CheckNotices notices={check.data} />
      ) : (
        <Typography.Text type="secondary">{t('form.oneMatter')}</Typography.Text>
      )}
    </Card>
  );
}
