import { useTranslation } from 'react-i18next';
import type { ReplyClass } from '../api/replies';

/** The reply class as a small badge; `long` adds the NPC's wording (A 类 · 所提问题已经解决或者基本解决). */
export function ReplyClassBadge({ cls, long }: { cls: ReplyClass | null; long?: boolean }) {
  const { t } = useTranslation('portal');
  if (!cls) return null;
  return (
    <span className="lp-class-wrap">
      <span className={`lp-class lp-class-${cls}`}>{t(`replies.classShort.${cls}`)}</span>
      {long && <span> {t(`replies.classLong.${cls}`)}</span>}
    </span>
  );
}
