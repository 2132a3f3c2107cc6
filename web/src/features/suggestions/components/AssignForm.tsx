import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecommendations } from '../api/handling';
import { ASSIGNMENT_ROLES, type UnitPick } from '../api/handlingTypes';
import { useText } from './format';
import { PostButton } from './PostModal';
import { UnitSelect } from './UnitSelect';

/** The units with their roles, one row each; the first is the lead unit unless changed. */
export function UnitRows({ known }: { known?: Map<string, string> }) {
  const { t } = useTranslation('suggestions');
  return (
    <Form.List name="units">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="start">
              <Form.Item
                name={[row.name, 'unitId']}
                rules={[{ required: true, message: t('assign.unitRequired') }]}
                style={{ flex: 1, marginBottom: 0, minWidth: 0 }}
              >
                <UnitSelect known={known} />
              </Form.Item>
              <Form.Item name={[row.name, 'role']} style={{ width: 96, marginBottom: 0 }}>
                <Select options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('detail.remove')}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: rows.length === 0 ? 'lead' : 'co' })}>
            {t('assign.addUnit')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function Recommendations({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const text = useText();
  const form = Form.useFormInstance();
  const recs = useRecommendations(id, true);
  if (!recs.data?.length) return null;
  const add = (unitId: string, role: UnitPick['role']) => {
    const units: UnitPick[] = form.getFieldValue('units') ?? [];
    if (units.some((u) => u?.unitId === unitId)) return;
    const first = units.length === 0 || !units.some((u) => u?.role === 'lead');
    form.setFieldValue('units', [
      ...units.filter((u) => u?.unitId),
      { unitId, role: first ? 'lead' : role === 'lead' ? 'co' : role },
    ]);
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('assign.recommended')}</Typography.Text>
      <Flex vertical gap={6} style={{ marginTop: 6 }}>
        {recs.data.map((r) => (
          <Flex key={r.unitId} gap={8} align="center" justify="space-between" wrap>
            <Flex vertical style={{ minWidth: 0, flex: 1 }}>
              <span>
                {r.unitName} <Tag>{t(`role.${r.role}`)}</Tag>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text(r.reason)}
              </Typography.Text>
            </Flex>
            <Button size="small" onClick={() => add(r.unitId, r.role)}>
              {t('assign.use')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </div>
  );
}

/** 交办: the office names the units and their roles; due dates come from the congress's rules. */
export function AssignButton({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const recs = useRecommendations(id, true);
  const known = new Map((recs.data ?? []).map((r) => [r.unitId, r.unitName]));
  return (
    <PostButton
      label={t('assign.assign')}
      button={{ type: 'primary' }}
      hint={t('assign.hint')}
      path={`/suggestions/${id}/assignments`}
      width={620}
      initialValues={{ units: [{ role: 'lead' }] }}
      body={(v) => ({ units: ((v.units as UnitPick[]) ?? []).filter((u) => u?.unitId), note: (v.note as string) || null })}
      fields={() => (
        <>
          <Recommendations id={id} />
          <UnitRows known={known} />
          <Form.Item name="note" label={t('actionFields.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
          </Form.Item>
        </>
      )}
    />
  );
}
