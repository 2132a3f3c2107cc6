import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Skeleton } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { usePublicStation, useSubmitOpinion } from '../api/portal';
import type { SubmitReceipt } from '../api/types';
import { CategoryPicker } from '../components/CategoryPicker';
import { LocationButton, type Point } from '../components/LocationButton';
import { PhotoPicker, type PickedPhoto } from '../components/PhotoPicker';
import { PortalShell, usePageTitle } from '../components/PortalShell';
import { ReportDone } from '../components/ReportDone';
import { newIdempotencyKey, rememberLast4 } from '../lib/prefs';
import {
  charCount,
  last4OfPhone,
  MAX_CONTENT_CHARS,
  MAX_NAME_CHARS,
  MAX_PHOTOS,
  MAX_PLACE_CHARS,
  normalizePhone,
  PHONE_RE,
} from '../lib/rules';

interface Values {
  categoryId: string | null;
  content: string;
  placeText?: string;
  name?: string;
  nameHidden: boolean;
  phone: string;
  consentShare: boolean;
  consentPublish: boolean;
}

const INITIAL: Partial<Values> = { categoryId: null, nameHidden: true, consentShare: false, consentPublish: false };

/** /s/:code/report — a constituent's report to the station, with photos and an optional map point. */
export default function ReportPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const station = usePublicStation(code);
  const submit = useSubmitOpinion();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [point, setPoint] = useState<Point | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<SubmitReceipt | null>(null);
  // One key per filling of the form: a double tap, or a retry after a lost answer, makes one case.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const problemRef = useRef<HTMLDivElement>(null);
  // A second tap lands before React has re-rendered the disabled button.
  const sending = useRef(false);
  usePageTitle(t('report.title'));

  const stationPath = `/s/${encodeURIComponent(code)}`;

  function explain(err: unknown): string | null {
    if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
    if (err.status === 0) return t('report.network');
    // The server's own 413 and 429 texts say which limit was hit; a proxy's bare page gets ours.
    const bare = err.code.startsWith('HTTP_');
    if (err.status === 413) return bare ? t('report.tooLarge') : err.message;
    if (err.status === 429) return bare ? t('report.tooMany') : err.message;
    const rest = applyServerErrors(form, err);
    if (rest.length === 0) return err.issues?.length ? t('report.fixFields') : null;
    return rest.join('；');
  }

  async function onFinish(values: Values) {
    if (sending.current) return;
    sending.current = true;
    setProblem(null);
    const phone = normalizePhone(values.phone);
    const fields = {
      stationCode: code,
      categoryId: values.categoryId || null,
      content: values.content.trim(),
      placeText: values.placeText?.trim() || null,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      name: values.name?.trim() || null,
      nameHidden: values.nameHidden,
      phone,
      consentShare: true,
      consentPublish: values.consentPublish,
    };
    // Without photos the fields go as JSON, which the server reads with less work than a form.
    const body = photos.length === 0 ? fields : photoForm(fields, photos);
    try {
      const saved = await submit.mutateAsync({ body, idempotencyKey });
      rememberLast4(saved.trackingCode, last4OfPhone(phone));
      setReceipt(saved);
      window.scrollTo(0, 0);
    } catch (err) {
      setProblem(explain(err));
      requestAnimationFrame(() => problemRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    } finally {
      sending.current = false;
    }
  }

  function another() {
    form.resetFields();
    setPhotos([]);
    setPoint(null);
    setReceipt(null);
    setIdempotencyKey(newIdempotencyKey());
    window.scrollTo(0, 0);
  }

  if (receipt) {
    return (
      <PortalShell>
        <ReportDone receipt={receipt} stationCode={code} onAnother={another} />
      </PortalShell>
    );
  }

  return (
    <PortalShell>
      <Button type="link" className="lp-back" icon={<ArrowLeftOutlined />} onClick={() => void navigate(stationPath)}>
        {t('report.back')}
      </Button>
      <h1 className="lp-title">{t('report.title')}</h1>
      <p className="lp-kicker" style={{ marginTop: 0 }}>
        {station.data ? (
          t('report.to', { name: station.data.name })
        ) : station.isPending ? (
          <Skeleton.Input active size="small" />
        ) : null}
      </p>
      {station.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            station.error instanceof ApiError && station.error.status === 404 ? t('station.notFoundTitle') : station.error.message
          }
        />
      )}

      <Form<Values>
        form={form}
        layout="vertical"
        className="lp-form"
        initialValues={INITIAL}
        onFinish={(v) => void onFinish(v)}
        scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
        requiredMark="optional"
        disabled={submit.isPending}
      >
        <div className="lp-card">
          <Form.Item name="categoryId" label={t('report.category')} extra={t('report.categoryHint')}>
            <CategoryPicker />
          </Form.Item>
        </div>

        <div className="lp-card">
          <Form.Item
            name="content"
            label={t('report.content')}
            rules={[
              { required: true, whitespace: true, message: t('report.contentRequired') },
              {
                validator: (_, v: string | undefined) =>
                  !v || charCount(v.trim()) <= MAX_CONTENT_CHARS
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('report.contentTooLong', { max: MAX_CONTENT_CHARS }))),
              },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 14 }}
              placeholder={t('report.contentPlaceholder')}
              count={{ show: true, max: MAX_CONTENT_CHARS, strategy: charCount }}
            />
          </Form.Item>

          <Form.Item
            name="placeText"
            label={t('report.place')}
            rules={[{ max: MAX_PLACE_CHARS, message: t('report.placeTooLong', { max: MAX_PLACE_CHARS }) }]}
            style={{ marginBottom: 0 }}
          >
            <Input placeholder={t('report.placePlaceholder')} autoComplete="street-address" />
          </Form.Item>
          <LocationButton value={point} onChange={setPoint} />
        </div>

        <div className="lp-card">
          <div className="lp-section-title">
            {t('report.photos')}{' '}
            <span className="lp-muted" style={{ fontWeight: 400 }}>
              （{t('optional')}）
            </span>
          </div>
          <p className="lp-muted" style={{ marginTop: -6 }}>
            {t('report.photosHint', { max: MAX_PHOTOS })}
          </p>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </div>

        <div className="lp-card">
          <Form.Item
            name="name"
            label={t('report.name')}
            rules={[{ max: MAX_NAME_CHARS, message: t('report.nameTooLong', { max: MAX_NAME_CHARS }) }]}
            style={{ marginBottom: 4 }}
          >
            <Input placeholder={t('report.namePlaceholder')} autoComplete="name" />
          </Form.Item>
          <Form.Item name="nameHidden" valuePropName="checked" extra={t('report.nameHiddenHint')}>
            <Checkbox className="lp-check">{t('report.nameHidden')}</Checkbox>
          </Form.Item>

          <Form.Item
            name="phone"
            label={t('report.phone')}
            extra={t('report.phoneHint')}
            rules={[
              { required: true, whitespace: true, message: t('report.phoneRequired') },
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || PHONE_RE.test(normalizePhone(v))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('report.phoneInvalid'))),
              },
            ]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={30} placeholder={t('report.phonePlaceholder')} />
          </Form.Item>
        </div>

        <div className="lp-card">
          <Form.Item
            name="consentShare"
            valuePropName="checked"
            style={{ marginBottom: 4 }}
            rules={[
              {
                validator: (_, v: boolean) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('report.consentShareRequired'))),
              },
            ]}
          >
            <Checkbox className="lp-check">{t('report.consentShare')}</Checkbox>
          </Form.Item>
          <Form.Item name="consentPublish" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox className="lp-check">{t('report.consentPublish')}</Checkbox>
          </Form.Item>
        </div>

        {problem && (
          <div ref={problemRef}>
            <Alert type="error" showIcon title={t('report.errorTitle')} description={problem} style={{ marginBottom: 12 }} />
          </div>
        )}

        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={submit.isPending}
          disabled={submit.isPending || station.isError}
        >
          {submit.isPending ? t('report.submitting') : t('report.submit')}
        </Button>
      </Form>
    </PortalShell>
  );
}

/** The fields, then the photos, as a multipart form (the server reads the parts in order); a null field is left out. */
function photoForm(fields: Record<string, string | number | boolean | null>, photos: PickedPhoto[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== null) form.set(name, String(value));
  for (const p of photos) form.append('photos', p.file, p.file.name);
  return form;
}
