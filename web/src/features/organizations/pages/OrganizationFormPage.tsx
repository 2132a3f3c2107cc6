import { Alert, App, Button, Card, Flex, Form, Input, Radio, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { RegionPicker } from '../../../components/RegionPicker';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { type OrganizationInput, useOrganization, useSaveOrganization } from '../api/organizations';
import { KindSelect } from '../components/KindSelect';
import { ParentSelect } from '../components/ParentSelect';

// Business-rule errors of organizations.errors.ts and friends that belong to one field.
const FIELD_OF_CODE: Record<string, keyof OrganizationInput> = {
  REGION_NOT_FOUND: 'regionCode',
  CHILDREN_OUTSIDE_REGION: 'regionCode',
  KIND_NOT_FOR_REGION_LEVEL: 'kind',
  KIND_CATEGORY_MISMATCH: 'kind',
  PARENT_ORGANIZATION_NOT_FOUND: 'parentId',
  PARENT_OUTSIDE_REGION: 'parentId',
  PARENT_INACTIVE: 'parentId',
  PARENT_CYCLE: 'parentId',
  DUPLICATE_ORGANIZATION_NAME: 'name',
};

// The server's PHONE_RE (platform/ids.ts): mobiles, landlines with an area code, short service numbers, 400 lines.
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[0-9]{4,5}|400-?\d{3}-?\d{4})$/;

const nullIfEmpty = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

export default function OrganizationFormPage() {
  const { t } = useTranslation('organizations');
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrganizationInput>();
  const existing = useOrganization(id);
  const save = useSaveOrganization(id);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data) {
      const o = existing.data;
      form.setFieldsValue({
        regionCode: o.regionCode,
        parentId: o.parentId,
        kind: o.kind,
        name: o.name,
        shortName: o.shortName,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
        address: o.address,
        status: o.status,
      });
    }
  }, [existing.data, form]);

  if (id && existing.isError) return <Alert type="error" showIcon title={errorMessage(existing.error)} />;
  if (id && !existing.data) return <Skeleton active />;

  const submit = async (v: OrganizationInput) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync({
        regionCode: v.regionCode,
        parentId: v.parentId ?? null,
        kind: v.kind,
        name: v.name.trim(),
        shortName: nullIfEmpty(v.shortName),
        contactName: nullIfEmpty(v.contactName),
        contactPhone: nullIfEmpty(v.contactPhone),
        address: nullIfEmpty(v.address),
        status: v.status,
      });
      void message.success(id ? t('saved') : t('created', { name: saved.name }));
      void navigate(`/organizations/${saved.id}`, { replace: true });
    } catch (err) {
      const rest = applyServerErrors(form, err, FIELD_OF_CODE);
      if (rest.length) setFormError(rest.join('；'));
    }
  };

  const max = (n: number) => ({ max: n, message: t('rules.max', { max: n }) });
  return (
    <>
      <PageHeader title={id ? t('editTitle') : t('createTitle')} back={id ? `/organizations/${id}` : '/organizations'} />
      <Card style={{ maxWidth: 760 }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form<OrganizationInput>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ status: 'active', parentId: null }}
          scrollToFirstError
        >
          <Form.Item
            name="name"
            label={t('fields.name')}
            rules={[{ required: true, whitespace: true, message: t('rules.nameRequired') }, max(100)]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="shortName" label={t('fields.shortName')} rules={[max(50)]}>
            <Input maxLength={50} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="kind"
              label={t('fields.kind')}
              extra={t('kindHint')}
              rules={[{ required: true, message: t('rules.kindRequired') }]}
              style={{ flex: '1 1 260px' }}
            >
              <KindSelect placeholder={t('kindPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="regionCode"
              label={t('fields.region')}
              rules={[{ required: true, message: t('rules.regionRequired') }]}
              style={{ flex: '1 1 260px' }}
            >
              <RegionPicker maxLevel="township" placeholder={t('regionPlaceholder')} />
            </Form.Item>
          </Flex>
          <Form.Item name="parentId" label={t('fields.parent')}>
            <ParentSelect currentName={existing.data?.parentName} excludeId={id} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="contactName" label={t('fields.contactName')} rules={[max(50)]} style={{ flex: '1 1 260px' }}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('fields.contactPhone')}
              rules={[
                max(30),
                {
                  validator: async (_, v: string | null) => {
                    if (v?.trim() && !PHONE.test(v.trim())) throw new Error(t('rules.phone'));
                  },
                },
              ]}
              style={{ flex: '1 1 260px' }}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Flex>
          <Form.Item name="address" label={t('fields.address')} rules={[max(200)]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="status" label={t('fields.status')}>
            <Radio.Group
              options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
              optionType="button"
            />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common:actions.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
