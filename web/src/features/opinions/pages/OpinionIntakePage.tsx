import { App, Button, Card, Form, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { applyServerErrors } from '../../../lib/forms';
import { useCreateOpinion } from '../api/opinions';
import type { Opinion } from '../api/types';
import { IntakeForm, type IntakeValues } from '../components/IntakeForm';
import '../strings';

const newKey = () => `intake-${crypto.randomUUID()}`;
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Server fields that sit elsewhere in the form's shape. */
const FIELD_OF_ISSUE: Record<string, string> = {
  'submitter.name': 'name',
  'submitter.phone': 'phone',
  'submitter.address': 'address',
};

export default function OpinionIntakePage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const me = useMe();
  const [search] = useSearchParams();
  const [form] = Form.useForm<IntakeValues>();
  const create = useCreateOpinion();
  // One key per case being written: a double click or a retry after a lost answer makes one case.
  const [key, setKey] = useState(newKey);
  const [created, setCreated] = useState<Opinion | null>(null);
  const [problem, setProblem] = useState<string>();
  const stationFixed = me.role === 'station_staff';

  const initial: Partial<IntakeValues> = {
    stationId: search.get('stationId') ?? (stationFixed ? (me.stationId ?? undefined) : undefined),
    receptionId: search.get('receptionId') ?? undefined,
    channel: search.get('receptionId') ? 'station_visit' : me.role === 'station_staff' ? 'station_visit' : 'hotline',
    complex: false,
    nameHidden: true,
    consentShare: false,
    consentPublish: false,
  };

  const submit = (v: IntakeValues) => {
    setProblem(undefined);
    create.mutate(
      {
        channel: v.channel,
        stationId: v.stationId ?? null,
        regionCode: v.stationId ? null : (v.regionCode ?? null),
        receptionId: v.receptionId ?? null,
        categoryId: v.categoryId ?? null,
        title: orNull(v.title),
        content: v.content.trim(),
        placeText: orNull(v.placeText),
        submitter: { name: orNull(v.name), phone: orNull(v.phone), address: orNull(v.address), nameHidden: v.nameHidden },
        consentShare: v.consentShare,
        consentPublish: v.consentPublish,
        complex: v.complex,
        receivedAt: v.receivedAt ? v.receivedAt.toISOString() : null,
        responsibleDeputyId: v.responsibleDeputyId ?? null,
        idempotencyKey: key,
      },
      {
        onSuccess: (o) => {
          void message.success(t('intake.created', { code: o.trackingCode }));
          setCreated(o);
        },
        onError: (err) => {
          const unmatched = applyServerErrors(form, remap(err), {
            STATION_NOT_FOUND: 'stationId',
            RECEPTION_MISMATCH: 'receptionId',
          });
          if (unmatched.length) setProblem(unmatched.join('；'));
        },
      },
    );
  };

  if (created) {
    return (
      <Card>
        <Result
          status="success"
          title={t('intake.created', { code: created.trackingCode })}
          subTitle={created.title}
          extra={[
            <Link key="view" to={`/opinions/${created.id}`}>
              <Button type="primary">{t('intake.view')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setKey(newKey());
                setCreated(null);
              }}
            >
              {t('intake.another')}
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        back="/opinions"
        breadcrumb={[{ title: <Link to="/opinions">{t('list.title')}</Link> }, { title: t('intake.title') }]}
        title={t('intake.title')}
        subtitle={t('intake.subtitle')}
      />
      <div style={{ maxWidth: 960 }}>
        <IntakeForm
          form={form}
          initialValues={initial}
          onFinish={submit}
          submitting={create.isPending}
          problem={problem}
          stationFixed={stationFixed}
        />
      </div>
    </>
  );
}

/** The submitter's fields are nested on the server and flat in the form. */
function remap(err: unknown): unknown {
  const issues = (err as { issues?: { path: string; message: string }[] }).issues;
  if (!issues) return err;
  for (const i of issues) i.path = FIELD_OF_ISSUE[i.path] ?? i.path;
  return err;
}
