/**
 * /pengawas — every exam session from GET /cat/sessions (proctors and committee alike), grouped by
 * period: site, start, scheduled seats, the CAT state (belum dibuka / dibuka / ditutup, with when
 * the current token was issued) and how many started and finished. Each row opens the session's
 * console. Pasting a session id stays as a small fallback for a link the committee sends by chat.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/identity/i18n.ts';
import { Link, useNavigate } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { formatDateTime } from '../../app/format.ts';
import { type CatSessionSummary, catSessionPhase, examApi, periodLabel } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { AddressBlocks } from '../../features/identity/components/AddressBlocks.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useLang } from '../../features/recruitment/hooks.ts';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Pager } from '../../ui/Pager.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHASE_BADGE = { not_opened: 'badge badge--muted', open: 'badge badge--ok', closed: 'badge' } as const;

interface PeriodGroup {
  id: string;
  name: string;
  year: number;
  sessions: CatSessionSummary[];
}

/** Groups the (latest-first) list by period, keeping the order in which periods first appear. */
function byPeriod(sessions: CatSessionSummary[]): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  for (const s of sessions) {
    let g = groups.get(s.period.id);
    if (!g) groups.set(s.period.id, (g = { ...s.period, sessions: [] }));
    g.sessions.push(s);
  }
  return [...groups.values()];
}

function CatStateBadge({ session }: { session: Pick<CatSessionSummary, 'cat'> }) {
  const { t } = useTranslation();
  const phase = catSessionPhase(session);
  return <span className={PHASE_BADGE[phase]}>{t(`cat.proctor.phase.${phase}`)}</span>;
}

function PeriodTable({ group }: { group: PeriodGroup }) {
  const { t } = useTranslation();
  const lang = useLang();
  const heading = periodLabel(group);
  const headingId = `period-${group.id}`;
  const columns: Column<CatSessionSummary>[] = [
    {
      key: 'session',
      header: t('cat.proctor.list.session'),
      rowHeader: true,
      className: 'min-12',
      cell: (s) => (
        <Link to={`/pengawas/sesi/${s.sessionId}`}>
          {t('cat.proctor.sessionLink', { site: s.site.name, start: formatDateTime(s.startsAt, lang) })}
        </Link>
      ),
    },
    {
      key: 'seats',
      header: t('cat.proctor.list.seats'),
      className: 'nowrap',
      cell: (s) => t('cat.proctor.seats', { assigned: s.assigned, capacity: s.capacity }),
    },
    {
      key: 'state',
      header: t('cat.proctor.list.state'),
      cell: (s) => (
        <>
          <CatStateBadge session={s} />
          {s.cat?.open ? (
            <div className="small muted">{t('cat.proctor.tokenAt', { at: formatDateTime(s.cat.openedAt, lang) })}</div>
          ) : null}
        </>
      ),
    },
    {
      key: 'progress',
      header: t('cat.proctor.list.progress'),
      className: 'nowrap',
      cell: (s) =>
        s.cat ? t('cat.proctor.progress', { started: s.counts.started, submitted: s.counts.submitted }) : '—',
    },
  ];
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <DataTable
        label={heading}
        caption={t('cat.proctor.list.caption', { period: heading })}
        captionHidden
        columns={columns}
        rows={group.sessions}
        rowKey={(s) => s.sessionId}
        rowData={(s) => ({ 'data-session': s.sessionId })}
      />
    </section>
  );
}

function SessionList() {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [page, setPage] = useState(1);
  const state = onlyOpen ? 'open' : 'all';
  const list = useQuery({
    queryKey: ['cat', 'sessions', state, page],
    queryFn: () => examApi.catSessions({ state, page }),
    refetchInterval: 30_000,
  });
  return (
    <>
      <CheckboxField
        label={t('cat.proctor.onlyOpen')}
        checked={onlyOpen}
        onChange={(e) => {
          setOnlyOpen(e.target.checked);
          setPage(1);
        }}
      />
      <QueryState
        query={list}
        isEmpty={(d) => d.sessions.length === 0}
        empty={onlyOpen ? t('cat.proctor.noOpenSessions') : t('cat.proctor.noSessions')}
      >
        {(d) => (
          <>
            {byPeriod(d.sessions).map((g) => (
              <PeriodTable key={g.id} group={g} />
            ))}
            <Pager page={page} total={d.total} pageSize={d.pageSize} onPage={setPage} />
          </>
        )}
      </QueryState>
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
      <p className="small">{t('cat.proctor.byIdLead')}</p>
      <TextField
        label={t('cat.proctor.sessionId')}
        hint={t('cat.proctor.sessionIdHint')}
        className="mono"
        spellCheck={false}
        autoCapitalize="none"
        value={id}
        error={error}
        onChange={(e) => {
          setId(e.target.value);
          setError(undefined);
        }}
      />
      <button type="submit" className="btn btn--secondary">
        {t('cat.proctor.go')}
      </button>
    </form>
  );
}

export function ProctorPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['proctor', 'committee']}>
      {(me) => (
        <>
          <PageTitle title={t('cat.proctor.title')} lead={t('cat.proctor.lead')}>
            {t('cat.proctor.title')}
          </PageTitle>
          <section className="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t('cat.proctor.sessions')}</h2>
            <SessionList />
          </section>
          <ById />
          {me.role === 'committee' ? <AddressBlocks /> : null}
        </>
      )}
    </RequireAuth>
  );
}
