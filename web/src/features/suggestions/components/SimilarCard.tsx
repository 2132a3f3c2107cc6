import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSimilar } from '../api/suggestions';
import { SimilarList } from './CheckNotices';

/** Similar suggestions of this and past sessions, for the office deciding on a merge. */
export function SimilarCard({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  const similar = useSimilar(id);
  return (
    <Card title={t('detail.similar')} size="small">
      {similar.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <SimilarList items={similar.data?.items ?? []} />
      )}
    </Card>
  );
}
