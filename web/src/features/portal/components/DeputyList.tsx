import { Avatar, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, PublicDeputy } from '../api/types';

const ROLE_ORDER: Record<MemberRole, number> = { head: 0, deputy_head: 1, member: 2 };
// A main station may group sixty deputies: the first few, then the rest on request.
const FIRST = 8;

/** The deputies serving at the station, the head and deputy heads first. */
export function DeputyList({ deputies }: { deputies: PublicDeputy[] }) {
  const { t } = useTranslation('portal');
  const [all, setAll] = useState(false);
  const sorted = [...deputies].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'zh-CN'));
  const shown = all ? sorted : sorted.slice(0, FIRST);

  return (
    <section className="lp-card" aria-labelledby="lp-deputies-title">
      <h2 id="lp-deputies-title">{t('station.deputies', { count: deputies.length })}</h2>
      {deputies.length === 0 && <p className="lp-muted">{t('station.noDeputies')}</p>}
      <ul className="lp-deputies">
        {shown.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the public page carries no ids; two deputies may share a name
          <li className="lp-deputy" key={`${d.name}-${i}`}>
            <Avatar
              size={48}
              src={d.photoUrl ?? undefined}
              alt={d.photoUrl ? d.name : undefined}
              style={{ flex: 'none', background: '#c62828' }}
            >
              {[...d.name][0]}
            </Avatar>
            <div className="lp-deputy-body">
              <div>
                <span className="lp-deputy-name">{d.name}</span>
                {d.role !== 'member' && <span className="lp-role">{t(`role.${d.role}`)}</span>}
              </div>
              <div className="lp-muted">
                {t(`level.${d.level}`)}
                {d.deputyGroup ? ` · ${d.deputyGroup}` : ''}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {sorted.length > FIRST && (
        <Button block onClick={() => setAll(!all)} aria-expanded={all} style={{ marginTop: 8 }}>
          {all ? t('station.showLess') : t('station.showAll', { count: sorted.length })}
        </Button>
      )}
    </section>
  );
}
