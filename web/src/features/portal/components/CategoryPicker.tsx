import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePublicCategories } from '../api/portal';
import type { PublicCategory } from '../api/types';

/**
 * The category as big buttons rather than a drop-down: a top-level kind first, then, when it has
 * them, its sub-kinds. "Not sure" is a real answer — the office classifies what the constituent
 * could not.
 */
export function CategoryPicker({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const { t, i18n } = useTranslation('portal');
  const { data, isPending, isError } = usePublicCategories();
  const english = i18n.language === 'en';
  const label = (c: PublicCategory) => (english && c.nameEn ? c.nameEn : c.name);

  if (isPending) return <Skeleton.Button active block />;
  // Without the list the constituent can still send the report; the office classifies it.
  if (isError || !data) return <p className="lp-muted">{t('report.categoryHint')}</p>;

  const top = data.items.find((c) => c.id === value || c.children.some((k) => k.id === value));
  const chip = (id: string | null, text: string, selected: boolean) => (
    <Button
      key={id ?? 'none'}
      className="lp-chip"
      type={selected ? 'primary' : 'default'}
      aria-pressed={selected}
      onClick={() => onChange?.(id)}
    >
      {text}
    </Button>
  );

  return (
    <div>
      <fieldset className="lp-chips" aria-label={t('report.category')}>
        {chip(null, t('report.categoryNone'), !value)}
        {data.items.map((c) => chip(c.id, label(c), top?.id === c.id))}
      </fieldset>
      {top && top.children.length > 0 && (
        <fieldset className="lp-subchips lp-chips" aria-label={label(top)}>
          {top.children.map((c) => chip(c.id, label(c), value === c.id))}
          {chip(top.id, t('report.categoryWhole', { name: label(top) }), value === top.id)}
        </fieldset>
      )}
    </div>
  );
}
