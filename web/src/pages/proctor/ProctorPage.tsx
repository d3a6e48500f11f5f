/**
 * /pengawas — the sessions a proctor can open. There is no exam-session list for proctors in the
 * API (sites and sessions are committee-only): committee accounts see the list, proctors paste
 * the session id the committee gives them.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { examApi, type ExamSite } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function allSessions(): Promise<{ period: string; sites: ExamSite[] }[]> {
  const { periods } = await examApi.periods();
  return Promise.all(periods.map(async (p) => ({ period: p.name, sites: (await examApi.examSites(p.id)).sites })));
}

function SessionList() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({ queryKey: ['cat', 'proctor-sessions'], queryFn: allSessions, retry: false });
  if (list.isPending) return <Loading label={t('app.loading')} />;
  if (list.isError) {
    if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) return <Alert tone="info">{t('cat.proctor.noAccess')}</Alert>;
    return <ErrorAlert error={list.error} />;
  }
  const groups = list.data.filter((g) => g.sites.some((s) => s.sessions.length > 0));
  if (groups.length === 0) return <p>{t('cat.proctor.noSessions')}</p>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.period}>
          <h3>{g.period}</h3>
          <ul className="link-list">
            {g.sites.flatMap((s) =>
              s.sessions.map((x) => (
                <li key={x.id}>
                  <Link to={`/pengawas/sesi/${x.id}`}>{t('cat.proctor.sessionLink', { site: s.name, start: formatDateTime(x.startsAt, lang), assigned: x.assigned, capacity: x.capacity })}</Link>
                </li>
              )),
            )}
          </ul>
        </section>
      ))}
    </>
  );
}

function ById() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="by-id-title"
      onSubmit={(e) => {
        e.preventDefault();
        const v = id.trim();
        if (!UUID.test(v)) return setError(t('cat.proctor.invalidId'));
        navigate(`/pengawas/sesi/${v.toLowerCase()}`);
      }}
    >
      <h2 id="by-id-title">{t('cat.proctor.byId')}</h2>
      <TextField label={t('cat.proctor.sessionId')} hint={t('cat.proctor.sessionIdHint')} className="mono" spellCheck={false} autoCapitalize="none" value={id} error={error} onChange={(e) => { setId(e.target.value); setError(undefined); }} />
      <button type="submit" className="btn btn--primary">
        {t('cat.proctor.go')}
      </button>
    </form>
  );
}

export function ProctorPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['proctor', 'committee']}>
      {() => (
        <>
          <PageTitle title={t('cat.proctor.title')} lead={t('cat.proctor.lead')}>
            {t('cat.proctor.title')}
          </PageTitle>
          <div className="grid grid--2">
            <section className="card" aria-labelledby="sessions-title">
              <h2 id="sessions-title">{t('cat.proctor.sessions')}</h2>
              <SessionList />
            </section>
            <ById />
          </div>
        </>
      )}
    </RequireAuth>
  );
}
