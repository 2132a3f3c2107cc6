import { Alert, Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/suggestions';
import type { CongressItem } from '../api/types';
import { CosignerSelect } from './CosignerSelect';
import { useText } from './format';

export const TEXT_LIMITS = { title: 100, grounds: 5000, proposal: 5000 };

/** Kind, title, grounds, proposal, category and (when drafting) the co-signers. */
export function DraftFields({ congress, withCosigners }: { congress: CongressItem | undefined; withCosigners: boolean }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const categories = useCategories();
  const form = Form.useFormInstance();
  const kind: string | undefined = Form.useWatch('kind', form);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { field: t(`fields.${field}`) }),
  });

  return (
    <>
      <Form.Item name="kind" label={t('fields.kind')}>
        <Radio.Group
          optionType="button"
          options={(['suggestion', 'motion'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'motion' && (
        <>
          <Alert
            type="info"
            showIcon
            title={t('form.motionHint', { count: congress?.motionMinSigners ?? 10 })}
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="byDelegation" label={t('fields.byDelegation')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
      <Alert type="warning" showIcon title={t('form.oneMatter')} style={{ marginBottom: 16 }} />
      <Form.Item name="title" label={t('fields.title')} rules={[required('title')]}>
        <Input maxLength={TEXT_LIMITS.title} showCount placeholder={t('form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="grounds" label={t('fields.grounds')} rules={[required('grounds')]}>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 14 }}
          maxLength={TEXT_LIMITS.grounds}
          showCount
          placeholder={t('form.groundsPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="proposal" label={t('fields.proposal')} rules={[required('proposal')]}>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 14 }}
          maxLength={TEXT_LIMITS.proposal}
          showCount
          placeholder={t('form.proposalPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="categoryId" label={t('fields.category')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={categories.isLoading}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: text({ zh: c.name, en: c.nameEn ?? c.name }) }))}
        />
      </Form.Item>
      {withCosigners && (
        <Form.Item name="cosignerIds" label={t('fields.cosigners')} extra={t('form.cosignerHint')}>
          <CosignerSelect congress={congress} />
        </Form.Item>
      )}
    </>
  );
}
