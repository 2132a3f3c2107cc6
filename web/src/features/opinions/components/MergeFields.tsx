import { Flex, Form, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMergeTargets } from '../api/lookups';
import { useSimilar } from '../api/opinions';
import { CLOSED_STATES, type Opinion, type OpinionState } from '../api/types';
import { StateTag } from './OpinionTags';

interface Target {
  id: string;
  trackingCode: string;
  title: string;
  state: OpinionState;
}

/** 并案: the open case this duplicate joins, from the similar cases or found by text or tracking code. */
export function MergeFields({ opinion, open }: { opinion: Opinion; open: boolean }) {
  const { t } = useTranslation('opinions');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const similar = useSimilar(opinion.id, open);
  const found = useMergeTargets(q, open && q.length > 0);

  const targets = useMemo<Target[]>(() => {
    const list: Target[] = q ? (found.data?.items ?? []) : (similar.data?.items ?? []);
    return list.filter((c) => c.id !== opinion.id && !CLOSED_STATES.includes(c.state));
  }, [q, found.data, similar.data, opinion.id]);

  return (
    <Form.Item name="primaryId" label={t('form.primary')} rules={[{ required: true, message: t('form.primaryRequired') }]}>
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        placeholder={t('form.primarySearch')}
        loading={found.isFetching || similar.isFetching}
        optionLabelProp="title"
        options={targets.map((c) => ({
          value: c.id,
          title: `${c.trackingCode} ${c.title}`,
          label: (
            <Flex gap={6} align="center" wrap={false} style={{ minWidth: 0 }}>
              <Typography.Text code style={{ flex: 'none' }}>
                {c.trackingCode}
              </Typography.Text>
              <StateTag state={c.state} />
              <Typography.Text ellipsis style={{ minWidth: 0 }}>
                {c.title}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </Form.Item>
  );
}
