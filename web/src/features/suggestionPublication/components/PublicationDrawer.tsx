import { Alert, Drawer, Grid, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api';
import { usePublication } from '../api/publications';
import { PublicationEditor } from './PublicationEditor';

/** The editor of one publication, over the list; its id stays in the page's address (?open=…). */
export function PublicationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('suggestionPublication');
  const screens = Grid.useBreakpoint();
  const publication = usePublication(id);
  return (
    <Drawer
      open
      onClose={onClose}
      title={publication.data?.title ?? t('editor.title')}
      size={screens.xl ? 1180 : screens.md ? '92%' : '100%'}
      destroyOnHidden
    >
      {publication.isLoading && <Skeleton active paragraph={{ rows: 10 }} />}
      {publication.error && (
        <Alert type="error" showIcon title={t('editor.unavailable', { message: errorMessage(publication.error) })} />
      )}
      {/* One editor per publication: another id starts from its own form and messages. */}
      {publication.data && <PublicationEditor key={publication.data.id} p={publication.data} />}
    </Drawer>
  );
}
