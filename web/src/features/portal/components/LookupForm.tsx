import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { normalizeTrackingCode, TRACKING_CODE_RE } from '../lib/rules';

export interface Lookup {
  code: string;
  last4: string;
}

/**
 * Tracking code and the last four digits of the phone given with the case. The code field is left
 * out when the page already knows the code (/track/:code opened from a saved link).
 */
export function LookupForm({
  initial,
  withCode,
  onSubmit,
}: {
  initial?: Partial<Lookup>;
  withCode: boolean;
  onSubmit: (l: Lookup) => void;
}) {
  const { t } = useTranslation('portal');
  const [form] = Form.useForm<Lookup>();

  return (
    <Form<Lookup>
      form={form}
      layout="vertical"
      className="lp-form"
      initialValues={initial}
      onFinish={(v) => onSubmit({ code: normalizeTrackingCode(v.code ?? initial?.code ?? ''), last4: v.last4.trim() })}
    >
      {withCode && (
        <Form.Item
          name="code"
          label={t('track.code')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, whitespace: true, message: t('track.codeRequired') },
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || TRACKING_CODE_RE.test(normalizeTrackingCode(v))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('track.codeInvalid'))),
            },
          ]}
        >
          <Input
            placeholder={t('track.codePlaceholder')}
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={12}
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: '0.08em' }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="last4"
        label={t('track.last4')}
        rules={[
          { required: true, message: t('track.last4Required') },
          { pattern: /^\s*\d{4}\s*$/, message: t('track.last4Invalid') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={4} placeholder={t('track.last4Placeholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block>
        {t('track.submit')}
      </Button>
    </Form>
  );
}
