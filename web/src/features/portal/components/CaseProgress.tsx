import { Steps, type StepsProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PublicCase, Stage } from '../api/types';

const FLOW = ['submitted', 'accepted', 'handling', 'replied', 'closed'] as const;
type FlowStage = (typeof FLOW)[number];

/** Which stage of the public flow a timeline action reaches; actions not listed stay inside a stage. */
const STAGE_OF_ACTION: Record<string, FlowStage> = {
  accept: 'accepted',
  escalate: 'accepted',
  transfer: 'handling',
  unit_accept: 'handling',
  rehandle: 'handling',
  answer_on_spot: 'replied',
  resolve: 'replied',
  reply: 'replied',
  feedback: 'replied',
  primary_feedback: 'replied',
  evaluate: 'closed',
  expire_evaluation: 'closed',
};

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** When each stage was last reached, from the timeline (a re-handled case reaches some twice). */
function reachedAt(c: PublicCase): Partial<Record<FlowStage, string>> {
  const out: Partial<Record<FlowStage, string>> = { submitted: c.receivedAt };
  for (const s of c.steps) {
    const stage = STAGE_OF_ACTION[s.action];
    if (stage) out[stage] = s.at;
  }
  return out;
}

/** The stages as antd Steps: the usual five, or two when the case was not accepted or was merged. */
export function CaseSteps({ c }: { c: PublicCase }) {
  const { t } = useTranslation('portal');
  const small = (text: string) => <span className="lp-muted">{text}</span>;
  const at = reachedAt(c);
  let items: StepsProps['items'];
  let current: number;
  let status: StepsProps['status'] = 'process';

  if (c.stage === 'rejected' || c.stage === 'merged') {
    const last = c.steps.at(-1);
    items = [
      { title: t('progress.steps.submitted'), content: small(when(c.receivedAt)) },
      { title: t(`progress.stage.${c.stage}`), content: small(last ? when(last.at) : t(`progress.stageHint.${c.stage}`)) },
    ];
    current = 1;
    status = c.stage === 'rejected' ? 'error' : 'finish';
  } else {
    current = FLOW.indexOf(c.stage as FlowStage);
    if (current < 0) current = 0;
    if (c.stage === 'closed') status = 'finish';
    items = FLOW.map((stage, i) => {
      const reached = at[stage];
      // The current stage's hint stands under the page's title already: the steps give times only.
      return { title: t(`progress.steps.${stage}`), content: i <= current && reached ? small(when(reached)) : undefined };
    });
  }
  return <Steps orientation="vertical" current={current} status={status} items={items} />;
}

/** Every recorded step, oldest first, with the server's wording. */
export function CaseHistory({ steps }: { steps: PublicCase['steps'] }) {
  const { t } = useTranslation('portal');
  if (steps.length === 0) return null;
  return (
    <section className="lp-card">
      <h2>{t('progress.history')}</h2>
      <ol className="lp-history">
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps carry no id; their order is their identity
          <li key={i}>
            <time dateTime={s.at}>{when(s.at)}</time>
            {s.label}
          </li>
        ))}
      </ol>
    </section>
  );
}

export const STAGE_COLORS: Record<Stage, string> = {
  submitted: '#0958d9',
  accepted: '#0958d9',
  handling: '#0958d9',
  replied: '#237804',
  closed: '#237804',
  rejected: '#a8071a',
  merged: '#595959',
};
