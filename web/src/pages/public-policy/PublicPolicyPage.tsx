/** /kebijakan-publik/:id — one policy's public progress: roll-up, timeline, public evidence, and the OPDs' answers for late milestones. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { policyApi } from '../../features/performance/api.ts';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Progress, Timeline } from '../../features/performance/PolicyParts.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function PublicPolicyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const q = useQuery({ queryKey: ['policy', 'public', id], queryFn: () => policyApi.publicGet(id), retry: false });
  return (
    <QueryState query={q}>
      {(p) => (
        <>
          <PageTitle
            title={p.title}
            lead={`${t(`skp.policy.issuers.${p.issuer}`)} · ${p.number} · ${formatCalendarDate(p.issuedOn, lang)}`}
          >
            {p.title}
          </PageTitle>
          <p>
            <Link to="/kebijakan-publik">{t('skp.policy.back')}</Link>
          </p>
          <section className="card" aria-labelledby="pub-progress">
            <h2 id="pub-progress">{t('skp.policy.actions')}</h2>
            {p.summary ? <p>{p.summary}</p> : null}
            <Progress progress={p.progress} id="pub-progress-line" />
          </section>
          <section className="card" aria-labelledby="pub-timeline">
            <h2 id="pub-timeline">{t('skp.policy.timeline')}</h2>
            <Timeline policy={p} publicView />
          </section>
        </>
      )}
    </QueryState>
  );
}
