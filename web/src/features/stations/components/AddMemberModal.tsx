import { App, Checkbox, Flex, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';
import { useDeputySearch, useSetMember } from '../api/stations';
import { MEMBER_ROLES, type MemberRole, type StationDetail } from '../api/types';
import { LevelTag } from './StationTags';

interface Values {
  deputyId?: string;
  role: MemberRole;
}

/** 编组进站: pick a serving deputy (by name, pinyin or initials) and the role to hold in the station. */
export function AddMemberModal({ station, open, onClose }: { station: StationDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('stations');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [withinRegion, setWithinRegion] = useState(true);
  const [problem, setProblem] = useState<string>();
  const setMember = useSetMember(station.id);

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const found = useDeputySearch(withinRegion ? station.regionCode : undefined, q, open);
  const already = new Set(station.members.map((m) => m.deputyId));
  const hasHead = station.members.some((m) => m.role === 'head');

  const submit = (values: Values) => {
    if (!values.deputyId) return;
    setProblem(undefined);
    setMember.mutate(
      { deputyId: values.deputyId, role: values.role },
      {
        onSuccess: (m) => {
          void message.success(t('members.added', { name: m.name }));
          form.resetFields();
          setSearch('');
          onClose();
        },
        onError: (err) => setProblem(applyServerErrors(form, err).join('；')),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('members.addTitle', { name: station.name })}
      okText={t('members.add')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={setMember.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ role: 'member' }} onFinish={submit} preserve={false}>
        <Form.Item name="deputyId" label={t('members.deputy')} rules={[{ required: true, message: t('members.deputyRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            placeholder={t('members.searchPlaceholder')}
            loading={found.isFetching}
            notFoundContent={found.isFetching ? t('members.searching') : t('members.noMatch')}
            options={(found.data?.items ?? []).map((d) => ({
              value: d.id,
              disabled: already.has(d.id),
              label: (
                <Flex gap={6} align="center" wrap={false} style={{ minWidth: 0 }}>
                  <span style={{ flex: 'none' }}>{d.name}</span>
                  <LevelTag level={d.level} />
                  <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
                    {[d.regionName, d.deputyGroup].filter(Boolean).join(' · ')}
                    {already.has(d.id) ? ` · ${t('members.already')}` : ''}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Form.Item>
        <Checkbox checked={withinRegion} onChange={(e) => setWithinRegion(e.target.checked)} style={{ marginBottom: 16 }}>
          {t('members.withinRegion', { region: station.regionName ?? station.regionCode })}
        </Checkbox>
        <Form.Item
          name="role"
          label={t('members.role')}
          rules={[{ required: true }]}
          extra={hasHead ? t('members.headTaken') : undefined}
        >
          <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`), disabled: r === 'head' && hasHead }))} />
        </Form.Item>
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Form>
    </Modal>
  );
}
