import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { can } from '../../../lib/policies';
import { useListParams } from '../../../lib/useListParams';
import { useSuggestions } from '../api/suggestions';
import { SUGGESTION_FILTERS } from '../api/types';
import { BatchAssignButton } from '../components/BatchAssign';
import { BoxTabs } from '../components/BoxTabs';
import { boxesOf } from '../components/boxes';
import { ListFilters } from '../components/ListFilters';
import { SuggestionCards, SuggestionTable } from '../components/SuggestionList';
import '../strings';

export default function SuggestionListPage() {
  const { t } = useTranslation('suggestions');
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const params = useListParams(SUGGESTION_FILTERS);
  const boxes = boxesOf(me.role);
  const box = boxes.find((b) => b.key === params.filters.view) ?? boxes[0];
  const { view: _view, ...filters } = params.query;
  // A box that fixes the state leaves the state filter out: it would only contradict the box.
  const boxFixesState = box?.query.state !== undefined;
  const query = { ...filters, ...box?.query };
  const list = useSuggestions(query);
  const pagination = params.pagination(list.data?.total);
  // The office assigns accepted suggestions together for the assignment meeting (交办会).
  const batching = me.role === 'office_staff' && box?.key === 'accepted' && !phone;
  const [chosen, setChosen] = useState<string[]>([]);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={!phone && t('list.subtitle')}
        extra={
          can(me, 'suggestions.draft') && (
            <Link to="/suggestions/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('list.create')}
              </Button>
            </Link>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? '4px 12px 12px' : '8px 24px 24px' } }}>
        <BoxTabs boxes={boxes} value={box?.key ?? ''} onChange={(view) => params.set({ view, state: undefined })} />
        <ListFilters params={params} showState={!boxFixesState} />
        {batching && (
          <div style={{ marginBottom: 12 }}>
            <BatchAssignButton ids={chosen} onDone={() => setChosen([])} />
          </div>
        )}
        {list.error && (
          <Alert
            type="error"
            showIcon
            title={t('list.unavailable', { message: errorMessage(list.error) })}
            style={{ marginBottom: 16 }}
          />
        )}
        {phone ? (
          <SuggestionCards items={list.data?.items} loading={list.isFetching} pagination={pagination} />
        ) : (
          <SuggestionTable
            items={list.data?.items}
            loading={list.isFetching}
            pagination={pagination}
            selection={batching ? { keys: chosen, onChange: setChosen } : undefined}
          />
        )}
      </Card>
    </>
  );
}
