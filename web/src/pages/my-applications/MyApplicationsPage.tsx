/** /lamaran — the applicant's applications: status, result, cards and the dated timeline. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { cardCheckPath, recruitmentApi } from '../../features/recruitment/api.ts';
import { CardCheckLink, Fact, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { recKey, useLang, useMsg, useMyApplications } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Application } from '../../features/recruitment/types.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

function Timeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pick = useMsg();
  const events = useQuery({ queryKey: [...recKey, 'timeline', id], queryFn: () => recruitmentApi.timeline(id) });
  if (events.isPending) return <Loading label={t('app.loading')} />;
  if (events.isError) return <ErrorAlert error={events.error} />;
  return (
    <ol className="rec-timeline">
      {events.data.events.map((e, i) => (
        <li key={i}>
          <p className="strong">
            <StatusBadge status={e.status} /> <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
          </p>
          <p className="small">{pick(e.note)}</p>
        </li>
      ))}
    </ol>
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
        <Fact label={t('rec.mine.result')}>{a.result ? <StatusBadge status={a.result} /> : t('rec.mine.noResult')}</Fact>
        {a.participantNo ? (
          <Fact label={t('rec.mine.participantNo')}>
            <span className="mono">{a.participantNo}</span>
          </Fact>
        ) : null}
      </dl>
      <div className="actions">
        <Link className="btn btn--primary" to={`/lamaran/${a.id}`} aria-label={t('rec.mine.open', { no: a.registrationNo })}>
          {t('rec.common.open')}
        </Link>
        {canCard ? (
          <a className="btn btn--secondary" href={`/api/v1/me/applications/${a.id}/registration-card.pdf`} download>
            {t('rec.mine.regCard')}
          </a>
        ) : null}
        {a.participantNo ? (
          <a className="btn btn--secondary" href={`/api/v1/me/applications/${a.id}/exam-card.pdf`} download>
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
      {apps.isPending ? <Loading label={t('app.loading')} /> : null}
      {apps.isError ? <ErrorAlert error={apps.error} /> : null}
      {apps.data && apps.data.applications.length === 0 ? (
        <p>
          {t('rec.mine.empty')} <Link to="/biodata">{t('rec.nav.biodata')}</Link> · <Link to="/formasi">{t('rec.nav.catalog')}</Link>
        </p>
      ) : null}
      {apps.data?.applications.map((a) => <ApplicationSummary key={a.id} a={a} />)}
    </>
  );
}

export function MyApplicationsPage() {
  return <RequireAuth roles={['applicant']}>{() => <Mine />}</RequireAuth>;
}
