/** /lamaran — the applicant's applications: status, result, cards and the dated timeline. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { cardCheckPath, recruitmentApi } from '../../features/recruitment/api.ts';
import { CardCheckLink, Fact, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { recKey, useLang, useMsg, useMyApplications } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Application } from '../../features/recruitment/types.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import '../../features/recruitment/i18n.ts';

function Timeline({ id }: { id: string }) {
  const lang = useLang();
  const pick = useMsg();
  const events = useQuery({ queryKey: [...recKey, 'timeline', id], queryFn: () => recruitmentApi.timeline(id) });
  return (
    <QueryState query={events}>
      {(data) => (
        <ol className="rec-timeline">
          {data.events.map((e, i) => (
            <li key={i}>
              <p className="strong">
                <StatusBadge status={e.status} /> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </p>
              <p className="small">{pick(e.note)}</p>
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}

export function ApplicationSummary({ a }: { a: Application }) {
  const { t } = useTranslation();
  const titleId = `app-${a.id}`;
  const canCard = a.status !== 'draft' && a.status !== 'withdrawn';
  const checkPath = cardCheckPath(a.cardCheckUrl);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {a.formation.jabatan} <span className="muted small">· {a.period.name}</span>
      </h2>
      <dl className="facts">
        <Fact label={t('rec.mine.registrationNo')}>
          <span className="mono">{a.registrationNo}</span>
        </Fact>
        <Fact label={t('rec.mine.status')}>
          <StatusBadge status={a.status} />
        </Fact>
        <Fact label={t('rec.mine.result')}>
          {a.result ? <StatusBadge status={a.result} /> : t('rec.mine.noResult')}
        </Fact>
        {a.participantNo ? (
          <Fact label={t('rec.mine.participantNo')}>
            <span className="mono">{a.participantNo}</span>
          </Fact>
        ) : null}
      </dl>
      <div className="actions">
        <Link
          className="btn btn--primary"
          to={`/lamaran/${a.id}`}
          aria-label={t('rec.mine.open', { no: a.registrationNo })}
        >
          {t('rec.common.open')}
        </Link>
        {canCard ? (
          <a className="btn btn--secondary" href={recruitmentApi.registrationCardUrl(a.id)} download>
            {t('rec.mine.regCard')}
          </a>
        ) : null}
        {a.participantNo ? (
          <a className="btn btn--secondary" href={recruitmentApi.examCardUrl(a.id)} download>
            {t('rec.mine.examCard')}
          </a>
        ) : null}
        {checkPath ? <CardCheckLink path={checkPath} registrationNo={a.registrationNo} /> : null}
      </div>
      <h3>{t('rec.mine.timeline')}</h3>
      <Timeline id={a.id} />
    </section>
  );
}

function Mine() {
  const { t } = useTranslation();
  const apps = useMyApplications();
  return (
    <>
      <PageTitle title={t('rec.mine.title')} lead={t('rec.mine.lead')}>
        {t('rec.mine.title')}
      </PageTitle>
      <QueryState
        query={apps}
        isEmpty={(d) => d.applications.length === 0}
        empty={
          <>
            {t('rec.mine.empty')} <Link to="/biodata">{t('rec.nav.biodata')}</Link> ·{' '}
            <Link to="/formasi">{t('rec.nav.catalog')}</Link>
          </>
        }
      >
        {(d) => d.applications.map((a) => <ApplicationSummary key={a.id} a={a} />)}
      </QueryState>
    </>
  );
}

export function MyApplicationsPage() {
  return <RequireAuth roles={['applicant']}>{() => <Mine />}</RequireAuth>;
}
