import { Alert, App, Button, Card, Flex, Form, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useCreateDeputy, useDeputy, useUpdateDeputy } from '../api/deputies';
import type { DeputyDetail, DeputyInput } from '../api/types';
import { DeputyForm, type DeputyFormValues, toInput } from '../components/DeputyForm';

/** Server refusals that carry no field path but clearly concern one field of the form. */
const FIELD_OF_CODE: Record<string, string> = {
  PERSON_NAME_MISMATCH: 'name',
  DEPUTY_MANDATE_EXISTS: 'term',
  UNKNOWN_REGION: 'regionCode',
};

/**
 * Puts a server error where it belongs: the congress region is derived from the region on this
 * form, so complaints about it go on the region field; coded refusals go on their field.
 */
function onFormFields(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.issues?.length) {
    const issues = err.issues.map((i) => (i.path === 'congressRegionCode' ? { ...i, path: 'regionCode' } : i));
    return new ApiError(err.status, err.code, err.message, issues);
  }
  const field = FIELD_OF_CODE[err.code];
  return field ? new ApiError(err.status, err.code, err.message, [{ path: field, message: err.message }]) : err;
}

function FormBody({ editing }: { editing?: DeputyDetail }) {
  const { t } = useTranslation('deputies');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DeputyFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const create = useCreateDeputy();
  const update = useUpdateDeputy(editing?.id ?? '');
  const saving = create.isPending || update.isPending;

  const fail = (err: unknown) => setProblems(applyServerErrors(form, onFormFields(err)));

  const onFinish = (values: DeputyFormValues) => {
    setProblems([]);
    const body = toInput(values, !!editing);
    if (editing) {
      update.mutate(body, {
        onSuccess: () => {
          void message.success(t('form.saved'));
          void navigate(`/deputies/${editing.id}`);
        },
        onError: fail,
      });
      return;
    }
    create.mutate(body as DeputyInput, {
      onSuccess: (created) => {
        void message.success(created.matchedExistingPerson ? t('form.createdForExistingPerson') : t('form.created'));
        void navigate(`/deputies/${created.id}`);
      },
      onError: fail,
    });
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
        <Button onClick={() => void navigate(editing ? `/deputies/${editing.id}` : '/deputies')}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {editing ? t('common:actions.save') : t('form.submitCreate')}
        </Button>
      </Flex>
    </Card>
  );

  return <DeputyForm form={form} editing={editing} onFinish={onFinish} footer={footer} />;
}

export default function DeputyFormPage() {
  const { t } = useTranslation('deputies');
  const { id } = useParams();
  const deputy = useDeputy(id);

  if (!id) {
    return (
      <>
        <PageHeader
          back="/deputies"
          breadcrumb={[{ title: <Link to="/deputies">{t('list.title')}</Link> }, { title: t('form.createTitle') }]}
          title={t('form.createTitle')}
          subtitle={t('form.createSubtitle')}
        />
        <FormBody />
      </>
    );
  }
  if (deputy.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!deputy.data) {
    return (
      <Result
        status="error"
        title={t('detail.loadFailed')}
        subTitle={errorMessage(deputy.error)}
        extra={<Link to="/deputies">{t('detail.backToList')}</Link>}
      />
    );
  }
  return (
    <>
      <PageHeader
        back={`/deputies/${id}`}
        breadcrumb={[
          { title: <Link to="/deputies">{t('list.title')}</Link> },
          { title: <Link to={`/deputies/${id}`}>{deputy.data.name}</Link> },
          { title: t('common:actions.edit') },
        ]}
        title={t('form.editTitle', { name: deputy.data.name })}
      />
      <FormBody editing={deputy.data} />
    </>
  );
}
