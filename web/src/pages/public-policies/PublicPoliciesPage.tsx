/** /kebijakan-publik — every recorded policy's follow-up progress, for anyone. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { policyApi } from '../../features/performance/api.ts';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Progress } from '../../features/performance/PolicyParts.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function PublicPoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const list = useQuery({ queryKey: ['policy', 'public'], queryFn: policyApi.publicList });
  return (
    <>
      <PageTitle title={t('skp.policy.publicTitle')} lead={t('skp.policy.publicLead')}>{t('skp.policy.publicTitle')}</PageTitle>
      <QueryState query={list} isEmpty={(d) => d.policies.length === 0} empty={t('skp.policy.none')}>
        {(d) => (
          <div className="skp-stack">
            {d.policies.map((p) => (
              <section key={p.id} className="card" aria-labelledby={`pp-${p.id}`}>
                <h2 id={`pp-${p.id}`}><Link to={`/kebijakan-publik/${p.id}`}>{p.title}</Link></h2>
                <p className="skp-meta">{t(`skp.policy.issuers.${p.issuer}`)} · {p.number} · {formatCalendarDate(p.issuedOn, lang)}</p>
                <Progress progress={p.progress} id={`ppl-${p.id}`} />
              </section>
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
