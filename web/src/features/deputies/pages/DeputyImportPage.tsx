import { Alert, Card, Flex, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { isFinished, useImport } from '../api/imports';
import { ImportProgress, ImportResult } from '../components/ImportResult';
import { ImportUpload } from '../components/ImportUpload';

/**
 * Roster import: template → upload → the server checks every row and imports the good ones in one
 * transaction → the result with each bad row. The import's id stays in the URL, so a reload or a
 * shared link comes back to the same progress or result.
 */
export default function DeputyImportPage() {
  const { t } = useTranslation('deputies');
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;
  const imp = useImport(id);
  const finished = isFinished(imp.data?.status);
  const step = !id ? 1 : finished ? 3 : 2;

  const body = () => {
    if (!id) return <ImportUpload onStarted={(started) => setParams({ id: started.id }, { replace: false })} />;
    if (imp.isLoading) return <Skeleton active />;
    if (imp.error || !imp.data) return <Alert type="error" showIcon title={errorMessage(imp.error)} />;
    if (!finished) return <ImportProgress imp={imp.data} />;
    return <ImportResult imp={imp.data} onAgain={() => setParams({})} />;
  };

  return (
    <>
      <PageHeader
        back="/deputies"
        breadcrumb={[{ title: <Link to="/deputies">{t('list.title')}</Link> }, { title: t('import.title') }]}
        title={t('import.title')}
        subtitle={t('import.subtitle')}
      />
      <Flex vertical gap={16}>
        <Card>
          <Steps
            size="small"
            current={step}
            status={step === 3 ? 'finish' : 'process'}
            items={[
              { title: t('import.steps.template') },
              { title: t('import.steps.upload') },
              { title: t('import.steps.check') },
              { title: t('import.steps.result') },
            ]}
          />
        </Card>
        {body()}
        <Card size="small" title={t('import.rulesTitle')}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('import.rules.columns')}</li>
              <li>{t('import.rules.idNumber')}</li>
              <li>{t('import.rules.values')}</li>
              <li>{t('import.rules.atomic')}</li>
              <li>{t('import.rules.existing')}</li>
            </ul>
          </Typography.Paragraph>
        </Card>
      </Flex>
    </>
  );
}
