import {
  Alert,
  AutoComplete,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/RegionPicker';
import { DEPUTY_LEVELS, DEPUTY_STATUSES, type DeputyDetail, type DeputyInput, GENDERS } from '../api/types';
import { idNumberFacts } from '../utils/idNumber';
import { deputyRules, normalizeIdNumber, normalizePhone } from './formRules';
import { EDUCATIONS, ETHNICITIES, OCCUPATION_CATEGORIES, PARTIES, toOptions } from './options';

/** What the form holds: dates as dayjs, everything else as typed. */
export interface DeputyFormValues {
  name: string;
  idNumber?: string;
  gender?: DeputyInput['gender'];
  birthDate?: Dayjs | null;
  ethnicity?: string;
  party?: string;
  education?: string;
  occupationCategory?: string;
  occupation?: string;
  phone?: string;
  level?: DeputyInput['level'];
  term?: number;
  regionCode?: string;
  delegation?: string;
  constituency?: string;
  deputyGroup?: string;
  status: DeputyInput['status'];
  startedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
  statusChangedOn?: Dayjs | null;
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const text = (v: string | undefined) => v?.trim() || null;

export function initialValues(d?: DeputyDetail): Partial<DeputyFormValues> {
  if (!d) return { status: 'serving' };
  return {
    name: d.name,
    gender: d.gender,
    birthDate: day(d.birthDate),
    ethnicity: d.ethnicity ?? undefined,
    party: d.party ?? undefined,
    education: d.education ?? undefined,
    occupationCategory: d.occupationCategory ?? undefined,
    occupation: d.occupation ?? undefined,
    level: d.level,
    term: d.term,
    regionCode: d.regionCode,
    delegation: d.delegation ?? undefined,
    constituency: d.constituency ?? undefined,
    deputyGroup: d.deputyGroup ?? undefined,
    status: d.status,
    startedOn: day(d.startedOn),
    endedOn: day(d.endedOn),
    statusChangedOn: day(d.statusChangedOn),
  };
}

/**
 * The request body. When editing, a blank ID number or phone means "unchanged": the form never
 * holds the stored values, which only an audited reveal may show.
 */
export function toInput(v: DeputyFormValues, editing: boolean): Partial<DeputyInput> {
  const body: Partial<DeputyInput> = {
    name: v.name.trim(),
    gender: v.gender ?? null,
    birthDate: iso(v.birthDate),
    ethnicity: text(v.ethnicity),
    party: text(v.party),
    education: text(v.education),
    occupationCategory: text(v.occupationCategory),
    occupation: text(v.occupation),
    level: v.level,
    term: v.term,
    regionCode: v.regionCode,
    delegation: text(v.delegation),
    constituency: text(v.constituency),
    deputyGroup: text(v.deputyGroup),
    status: v.status,
    startedOn: iso(v.startedOn),
    endedOn: iso(v.endedOn),
    statusChangedOn: iso(v.statusChangedOn),
  };
  const id = v.idNumber?.trim();
  if (id) body.idNumber = normalizeIdNumber(id);
  const phone = v.phone?.trim();
  if (phone) body.phone = normalizePhone(phone);
  else if (!editing) body.phone = null;
  return body;
}

const half = { xs: 24, md: 12, xl: 8 } as const;
const F = ({ children }: { children: ReactNode }) => <Col {...half}>{children}</Col>;

interface Props {
  form: FormInstance<DeputyFormValues>;
  editing?: DeputyDetail;
  onFinish: (values: DeputyFormValues) => void;
  footer: ReactNode;
}

export function DeputyForm({ form, editing, onFinish, footer }: Props) {
  const { t } = useTranslation('deputies');
  const rules = deputyRules(t, { idRequired: !editing });
  const dateProps = { style: { width: '100%' }, placeholder: t('form.datePlaceholder') } as const;

  // A valid ID number tells gender and birth date: fill them in when still empty.
  const onIdNumberBlur = () => {
    const facts = idNumberFacts(normalizeIdNumber(String(form.getFieldValue('idNumber') ?? '')));
    if (!facts) return;
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', facts.gender);
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dayjs(facts.birthDate));
    void form.validateFields(['gender', 'birthDate']).catch(() => undefined);
  };

  return (
    <Form<DeputyFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(editing)}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Flex vertical gap={16}>
        <Card title={t('detail.person')}>
          {editing && editing.otherMandates.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('form.sharedPerson', { count: editing.otherMandates.length + 1 })}
              style={{ marginBottom: 16 }}
            />
          )}
          <Row gutter={16}>
            <F>
              <Form.Item
                name="name"
                label={t('fields.name')}
                rules={[{ required: true, whitespace: true, message: t('form.rules.nameRequired') }, { max: 50 }]}
              >
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </F>
            <F>
              <Form.Item
                name="idNumber"
                label={t('fields.idNumber')}
                rules={rules.idNumber}
                validateFirst
                extra={editing ? t('form.keepBlank', { current: editing.idNumberMasked ?? '—' }) : t('form.idNumberHint')}
              >
                <Input maxLength={18} autoComplete="off" onBlur={onIdNumberBlur} style={{ fontVariantNumeric: 'tabular-nums' }} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="gender" label={t('fields.gender')} dependencies={['idNumber']} rules={[rules.gender]}>
                <Radio.Group options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="birthDate" label={t('fields.birthDate')} dependencies={['idNumber']} rules={[rules.birthDate]}>
                <DatePicker {...dateProps} disabledDate={(d) => d.isAfter(dayjs())} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="ethnicity" label={t('fields.ethnicity')} rules={[{ max: 20 }]}>
                <AutoComplete options={toOptions(ETHNICITIES)} showSearch={{ filterOption: true }} allowClear />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="party" label={t('fields.party')} rules={[{ max: 50 }]}>
                <AutoComplete options={toOptions(PARTIES)} showSearch={{ filterOption: true }} allowClear />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="education" label={t('fields.education')} rules={[{ max: 50 }]}>
                <AutoComplete options={toOptions(EDUCATIONS)} showSearch={{ filterOption: true }} allowClear />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="occupationCategory" label={t('fields.occupationCategory')} rules={[{ max: 50 }]}>
                <AutoComplete options={toOptions(OCCUPATION_CATEGORIES)} showSearch={{ filterOption: true }} allowClear />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="occupation" label={t('fields.occupation')} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </F>
            <F>
              <Form.Item
                name="phone"
                label={t('fields.phone')}
                rules={rules.phone}
                extra={editing ? t('form.keepBlank', { current: editing.phoneMasked ?? '—' }) : t('form.phoneHint')}
              >
                <Input maxLength={30} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </F>
          </Row>
        </Card>

        <Card title={t('detail.mandate')}>
          <Row gutter={16}>
            <F>
              <Form.Item
                name="level"
                label={t('fields.level')}
                rules={[{ required: true, message: t('form.rules.levelRequired') }]}
              >
                <Select
                  options={DEPUTY_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
                  onChange={() => void form.validateFields(['regionCode']).catch(() => undefined)}
                />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="term" label={t('fields.term')} rules={[{ required: true, message: t('form.rules.termRequired') }]}>
                <InputNumber
                  min={1}
                  max={99}
                  precision={0}
                  style={{ width: '100%' }}
                  prefix={t('filters.termPrefix')}
                  suffix={t('filters.termSuffix')}
                />
              </Form.Item>
            </F>
            <F>
              <Form.Item
                name="regionCode"
                label={t('fields.region')}
                dependencies={['level']}
                rules={[{ required: true, message: t('form.rules.regionRequired') }, rules.regionCode]}
                extra={t('form.regionHint')}
              >
                <RegionPicker maxLevel="community" />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="delegation" label={t('fields.delegation')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="constituency" label={t('fields.constituency')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="deputyGroup" label={t('fields.deputyGroup')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
                <Select
                  options={DEPUTY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  onChange={() => void form.validateFields(['endedOn']).catch(() => undefined)}
                />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="startedOn" label={t('fields.startedOn')}>
                <DatePicker {...dateProps} />
              </Form.Item>
            </F>
            <F>
              <Form.Item
                name="endedOn"
                label={t('fields.endedOn')}
                dependencies={['startedOn', 'status']}
                rules={[rules.endedOn]}
              >
                <DatePicker {...dateProps} />
              </Form.Item>
            </F>
            <F>
              <Form.Item name="statusChangedOn" label={t('fields.statusChangedOn')} extra={t('form.statusChangedHint')}>
                <DatePicker {...dateProps} />
              </Form.Item>
            </F>
          </Row>
        </Card>
        {footer}
      </Flex>
    </Form>
  );
}
