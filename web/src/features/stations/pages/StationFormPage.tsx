import { Alert, App, Button, Card, Flex, Form, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useCreateStation, useStation, useUpdateStation } from '../api/stations';
import type { StationDetail } from '../api/types';
import { StationForm, type StationFormValues, toInput } from '../components/StationForm';
import { withFieldIssues } from '../components/stationFormRules';

function FormBody({ editing }: { editing?: StationDetail }) {
  const { t } = useTranslation('stations');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StationFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const create = useCreateStation();
  const update = useUpdateStation(editing?.id ?? '');

  const fail = (err: unknown) => setProblems(applyServerErrors(form, withFieldIssues(err)));
  const done = (saved: StationDetail) => {
    void message.success(editing ? t('form.saved') : t('form.created'));
    void navigate(`/stations/${saved.id}`);
  };

  const onFinish = (values: StationFormValues) => {
    setProblems([]);
    const body = toInput(values);
    if (editing) update.mutate(body, { onSuccess: done, onError: fail });
    else create.mutate(body, { onSuccess: done, onError: fail });
  };

  const footer = (
    <Card>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('form.failed')}
          description={problems.map((p) => <div key={p}>{p}</div>)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex gap={8} wrap justify="flex-end">
        <Button onClick={() => void navigate(editing ? `/stations/${editing.id}` : '/stations')}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {editing ? t('common:actions.save') : t('form.submitCreate')}
        </Button>
      </Flex>
    </Card>
  );

  return <StationForm form={form} editing={editing} onFinish={onFinish} footer={footer} />;
}

export default function StationFormPage() {
  const { t } = useTranslation('stations');
  const { id } = useParams();
  const station = useStation(id);

  if (!id) {
    return (
      <>
        <PageHeader
          back="/stations"
          breadcrumb={[{ title: <Link to="/stations">{t('list.title')}</Link> }, { title: t('form.createTitle') }]}
          title={t('form.createTitle')}
        />
        <FormBody />
      </>
    );
  }
  if (station.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!station.data) {
    return (
      <Result
        status="error"
        title={t('detail.loadFailed')}
        subTitle={errorMessage(station.error)}
        extra={<Link to="/stations">{t('detail.backToList')}</Link>}
      />
    );
  }
  return (
    <>
      <PageHeader
        back={`/stations/${id}`}
        breadcrumb={[
          { title: <Link to="/stations">{t('list.title')}</Link> },
          { title: <Link to={`/stations/${id}`}>{station.data.name}</Link> },
          { title: t('common:actions.edit') },
        ]}
        title={t('form.editTitle', { name: station.data.name })}
      />
      <FormBody editing={station.data} />
    </>
  );
}
