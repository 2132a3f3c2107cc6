import { Alert, App, Button, Card, Col, Flex, Form, Grid, Row, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/forms';
import { useCreateSuggestion, useEditSuggestion, useSuggestion } from '../api/suggestions';
import type { CongressItem, DraftInput, Kind, Suggestion } from '../api/types';
import { CheckCard } from '../components/CheckCard';
import { DraftFields } from '../components/DraftFields';
import { PlaceFields } from '../components/PlaceFields';
import '../strings';

interface Values {
  congressId?: string;
  phase?: 'session' | 'recess';
  sessionId?: string;
  termId?: string;
  kind: Kind;
  byDelegation?: boolean;
  title: string;
  grounds: string;
  proposal: string;
  categoryId?: string;
  cosignerIds?: string[];
}

const valuesOf = (s: Suggestion): Values => ({
  congressId: s.congressId,
  phase: s.phase,
  sessionId: s.sessionId ?? undefined,
  termId: s.termId,
  kind: s.kind,
  byDelegation: s.byDelegation,
  title: s.title,
  grounds: s.grounds,
  proposal: s.proposal,
  categoryId: s.category?.id,
});

const bodyOf = (v: Values): Omit<DraftInput, 'cosignerIds'> => ({
  kind: v.kind,
  sessionId: v.phase === 'session' ? (v.sessionId ?? null) : null,
  termId: v.phase === 'recess' ? (v.termId ?? null) : null,
  title: v.title.trim(),
  grounds: v.grounds?.trim() ?? '',
  proposal: v.proposal?.trim() ?? '',
  categoryId: v.categoryId ?? null,
  byDelegation: v.kind === 'motion' && !!v.byDelegation,
});

function DraftForm({ draft }: { draft?: Suggestion }) {
  const { t } = useTranslation('suggestions');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [congress, setCongress] = useState<CongressItem>();
  const onCongress = useCallback((c: CongressItem | undefined) => setCongress(c), []);
  const create = useCreateSuggestion();
  const edit = useEditSuggestion(draft?.id ?? '');
  const screens = Grid.useBreakpoint();
  const congressId: string | undefined = Form.useWatch('congressId', form);

  const save = async (v: Values) => {
    setProblem(undefined);
    try {
      const saved = draft
        ? await edit.mutateAsync(bodyOf(v))
        : await create.mutateAsync({ ...bodyOf(v), cosignerIds: v.cosignerIds ?? [] });
      void message.success(draft ? t('form.saved') : t('form.created'));
      void navigate(`/suggestions/${saved.id}`);
    } catch (err) {
      const rest = applyServerErrors(form, err, { CATEGORY_NOT_FOUND: 'categoryId', PHASE_CLOSED: 'sessionId' });
      if (rest.length) setProblem(rest.join('；'));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={draft ? valuesOf(draft) : { kind: 'suggestion', grounds: '', proposal: '', cosignerIds: [] }}
      onFinish={(v) => void save(v)}
      scrollToFirstError
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <PlaceFields onCongress={onCongress} />
            <DraftFields congress={congress} withCosigners={!draft} />
            {!draft && <Typography.Paragraph type="secondary">{t('form.attachAfterSave')}</Typography.Paragraph>}
            {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
            <Flex gap={8} justify={screens.md ? 'flex-start' : 'stretch'}>
              <Button type="primary" htmlType="submit" loading={create.isPending || edit.isPending} block={!screens.md}>
                {t('form.saveDraft')}
              </Button>
              <Button onClick={() => navigate(draft ? `/suggestions/${draft.id}` : '/suggestions')} block={!screens.md}>
                {t('common:actions.cancel')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <CheckCard congressId={congressId} suggestionId={draft?.id} />
        </Col>
      </Row>
    </Form>
  );
}

/** 提出建议 / 修改草稿: the deputy's form, one column on a phone. */
export default function SuggestionFormPage() {
  const { t } = useTranslation('suggestions');
  const { id } = useParams();
  const draft = useSuggestion(id);
  return (
    <>
      <PageHeader back={id ? `/suggestions/${id}` : '/suggestions'} title={id ? t('form.editTitle') : t('form.newTitle')} />
      {id && draft.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {id && draft.error && <Alert type="error" showIcon title={errorMessage(draft.error)} />}
      {(!id || draft.data) && <DraftForm draft={draft.data} />}
    </>
  );
}
