/**
 * /beranda — the signed-in home: the person's inbox (what waits for them, most urgent first, each
 * with a count, its deadline in Palu time, late ones marked, and a link to where it is done), the
 * account, then the role's own sections (homeEndpoints.summary).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeSummary } from '../../../../common/contracts/home.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatWitaTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useHomeSummary } from '../../features/home/api.ts';
import { NotificationSettings } from '../../features/home/NotificationSettings.tsx';
import '../../features/home/home.css';
import '../../features/home/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { MyParticipation } from '../../features/participation/components/MyParticipation.tsx';
import { Fact, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { useLang, useMyApplications } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Application } from '../../features/recruitment/types.ts';
import '../../features/selection/i18n.ts';
import '../../features/exam/i18n.ts';
import '../../features/development/i18n.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import '../../features/recruitment/i18n.ts';
import '../../features/participation/i18n.ts';
import '../../features/development/i18n-completion.ts';
import '../../features/performance/i18n.ts';

const STAGE_ORDER = ['submitted', 'ms', 'tms', 'objection_filed', 'tms_final'] as const;

function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const orgName = me.organizationId
    ? (orgs.data?.organizations.find((o) => o.id === me.organizationId)?.name ?? me.organizationId)
    : t('home.noOrganization');
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('home.account')}</h2>
      <dl className="facts">
        <Fact label={t('home.name')}>{me.fullName}</Fact>
        <Fact label={t('home.role')}>
          <span className="badge">{t(`roles.${me.role}.name`)}</span>
        </Fact>
        <Fact label={t('home.organization')}>{orgName}</Fact>
        <Fact label={t('home.email')}>
          <span className="break">{me.email}</span>
        </Fact>
        {me.nikMasked ? (
          <Fact label={t('home.nik')}>
            <span className="mono">{me.nikMasked}</span>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

/** 'dd/mm/yyyy' of the Palu day an instant falls on. */
function witaDay(iso: string): string {
  const [y, m, d] = localDate(new Date(iso)).split('-');
  return `${d}/${m}/${y}`;
}

/** The inbox: what waits for this person, most urgent first (the server's order), with count, deadline and where to act. */
function Tasks({ summary }: { summary: HomeSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const waiting = summary.tasks.filter((x) => x.count > 0);
  return (
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('hm.tasksTitle')}</h2>
      {waiting.length === 0 ? (
        <p>{t('hm.nothingWaiting')}</p>
      ) : (
        <ul className="inbox" aria-label={t('hm.listLabel')}>
          {waiting.map((task) => (
            <li key={task.key} className={task.late ? 'inbox__item inbox__item--late' : 'inbox__item'}>
              <span className="inbox__count" aria-hidden="true">
                {task.count}
              </span>
              <span className="inbox__main">
                <Link to={task.to}>{t(`hm.task.${task.key}`, { count: task.count, ...task.detail })}</Link>
                <span className="inbox__meta">
                  {task.late ? <span className="badge badge--late">{t('hm.late')}</span> : null}
                  {task.late && task.dueAt ? ' ' : null}
                  {task.dueAt
                    ? t('hm.dueDate', {
                        date:
                          task.key === 'meetingsToday'
                            ? `${witaDay(task.dueAt)} ${formatWitaTime(task.dueAt, lang)}`
                            : witaDay(task.dueAt),
                      })
                    : null}
                  {task.provisional ? ` (${t('hm.provisional')})` : null}
                  {typeof task.detail?.quarter === 'string'
                    ? ` · ${t('hm.fromQuarter', { quarter: t(`hm.quarter.${task.detail.quarter}`) })}`
                    : null}
                  {typeof task.detail?.qrOpen === 'boolean'
                    ? ` · ${task.detail.qrOpen ? t('hm.qrOpen') : t('hm.qrClosed')}`
                    : null}
                  {typeof task.detail?.jp === 'number' ? ` · ${t('hm.jpSoFar', { jp: task.detail.jp })}` : null}
                  {typeof task.detail?.state === 'string' ? ` · ${t(`hm.probationState.${task.detail.state}`)}` : null}
                  {typeof task.detail?.starting === 'number'
                    ? t('hm.weekSplit', { starting: task.detail.starting, ending: task.detail.ending })
                    : null}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Periods({ periods }: { periods: NonNullable<HomeSummary['periods']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {periods.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`period-${p.id}`}>
          <h2 id={`period-${p.id}`}>{p.name}</h2>
          <div className="grid grid--2">
            <div>
              <h3>{t('hm.period.counts')}</h3>
              <dl className="facts">
                <Fact label={t('hm.period.drafts')}>{p.drafts}</Fact>
                {STAGE_ORDER.map((s) => (
                  <Fact key={s} label={t(`rec.status.${s}`)}>
                    {p.counts[s]}
                  </Fact>
                ))}
              </dl>
            </div>
            <div>
              <h3>{t('hm.period.stageEnds')}</h3>
              <dl className="facts">
                {Object.entries(p.stageEnds).map(([stage, end]) => (
                  <Fact key={stage} label={t(`hm.stage.${stage}`, { defaultValue: stage })}>
                    {formatDateTime(end, lang)}
                  </Fact>
                ))}
              </dl>
            </div>
          </div>
          <h3>{t('hm.period.byOrg')}</h3>
          <TableWrap label={t('hm.period.byOrgLabel', { name: p.name })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('hm.period.org')}</th>
                  <th scope="col" className="num">
                    {t('hm.period.formations')}
                  </th>
                  <th scope="col" className="num">
                    {t('hm.period.quota')}
                  </th>
                  {STAGE_ORDER.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`rec.status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.byOrganization.map((o) => (
                  <tr key={o.organizationId}>
                    <th scope="row">{o.organizationName}</th>
                    <td className="num">{o.formations}</td>
                    <td className="num">{o.quota}</td>
                    {STAGE_ORDER.map((s) => (
                      <td key={s} className="num">
                        {o.counts[s]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            <Link to={`/panitia/periode/${p.id}`}>{t('hm.period.manage')}</Link>
          </p>
        </section>
      ))}
    </>
  );
}

function Sessions({ sessions }: { sessions: NonNullable<HomeSummary['sessions']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('hm.sessions.title')}</h2>
      {sessions.length === 0 ? (
        <p>{t('hm.sessions.none')}</p>
      ) : (
        <TableWrap label={t('hm.sessions.label')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('hm.sessions.start')}</th>
                <th scope="col">{t('hm.sessions.site')}</th>
                <th scope="col" className="num">
                  {t('hm.sessions.seats')}
                </th>
                <th scope="col">{t('hm.sessions.state')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.sessionId}>
                  <td className="nowrap">{formatDateTime(s.startsAt, lang)}</td>
                  <td>{s.siteName}</td>
                  <td className="num">
                    {s.assigned} / {s.capacity}
                  </td>
                  <td>
                    <Link to={`/pengawas/sesi/${s.sessionId}`}>{t(`hm.sessions.${s.state}`)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function Bank({ bank }: { bank: NonNullable<HomeSummary['bank']> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="bank-title">
      <h2 id="bank-title">{t('hm.bank.title')}</h2>
      <dl className="facts">
        {['TWK', 'TIU', 'TKP'].map((s) => (
          <Fact key={s} label={t('hm.bank.items', { subtest: s })}>
            {bank.bySubtest[s] ?? 0}
          </Fact>
        ))}
        <Fact label={t('hm.bank.blueprints')}>{bank.blueprints}</Fact>
      </dl>
      <ul className="link-list">
        <li>
          <Link to="/bank-soal">{t('cat.home.bank')}</Link>
        </li>
        {bank.latestAnalysis ? (
          <li>
            <Link to={`/bank-soal/analisis/${bank.latestAnalysis}`}>{t('hm.bank.latest')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function Accounts({ accounts }: { accounts: NonNullable<HomeSummary['accounts']> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('hm.accounts.title')}</h2>
      <dl className="facts">
        <Fact label={t('hm.accounts.staff')}>{accounts.staff}</Fact>
        <Fact label={t('hm.accounts.pending')}>{accounts.pending}</Fact>
        <Fact label={t('hm.accounts.disabled')}>{accounts.disabled}</Fact>
        <Fact label={t('hm.accounts.committee')}>{accounts.committee}</Fact>
      </dl>
      <ul className="link-list">
        <li>
          <Link to="/admin/akun">{t('home.toAccounts')}</Link>
        </li>
        <li>
          <Link to="/admin/kotak-keluar">{t('home.toOutbox')}</Link>
        </li>
      </ul>
    </section>
  );
}

/** The applicant's next step, and the exam's date and place on screen (not only on the card). */
function NextStep({ a }: { a: Application | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!a) {
    return (
      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{t('hm.applicant.title')}</h2>
        <p>{t('hm.applicant.none')}</p>
        <ul className="link-list">
          <li>
            <Link to="/biodata">{t('rec.home.toBiodata')}</Link>
          </li>
          <li>
            <Link to="/formasi">{t('rec.home.toCatalog')}</Link>
          </li>
        </ul>
      </section>
    );
  }
  const step = a.status === 'ms' && a.exam ? 'msExam' : a.status;
  return (
    <section className="card" aria-labelledby="next-title">
      <h2 id="next-title">{t('hm.applicant.title')}</h2>
      <p>
        <StatusBadge status={a.status} /> {a.formation.jabatan} — {a.formation.organizationName}
      </p>
      <p>{t(`hm.applicant.${step}`, { defaultValue: '' })}</p>
      {a.exam ? (
        <>
          <h3>{t('hm.applicant.exam')}</h3>
          <dl className="facts">
            {a.participantNo ? (
              <Fact label={t('hm.applicant.participantNo')}>
                <span className="mono">{a.participantNo}</span>
              </Fact>
            ) : null}
            <Fact label={t('hm.applicant.examWhen')}>
              {formatDateTime(a.exam.startsAt, lang)} ·{' '}
              {a.exam.extraMinutes > 0
                ? t('hm.applicant.examExtra', { minutes: a.exam.durationMinutes, extra: a.exam.extraMinutes })
                : t('hm.applicant.examDuration', { minutes: a.exam.durationMinutes })}
            </Fact>
            <Fact label={t('hm.applicant.examWhere')}>
              {a.exam.siteName}, {a.exam.siteAddress}
            </Fact>
            <Fact label={t('hm.applicant.examSeat')}>{a.exam.seat}</Fact>
          </dl>
        </>
      ) : null}
      <ul className="link-list">
        <li>
          <Link to={`/lamaran/${a.id}`}>{t('hm.applicant.openApplication', { no: a.registrationNo })}</Link>
        </li>
        {a.exam ? (
          <li>
            <Link to="/ujian">{t('cat.home.exam')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ApplicantHome() {
  const { t } = useTranslation();
  const apps = useMyApplications();
  if (apps.isPending) return <Loading label={t('app.loading')} />;
  if (apps.isError) return <ErrorAlert error={apps.error} />;
  const current = apps.data.applications.find((a) => a.status !== 'withdrawn');
  return <NextStep a={current} />;
}

/** The pages each of these roles works on (ASN records, training, JP, SKP, policy follow-up, oversight). */
const USABLE: Partial<Record<Me['role'], { to: string; label: string }[]>> = {
  observer: [
    { to: '/pemantauan', label: 'prt.nav.observe' },
    { to: '/temuan', label: 'prt.nav.findings' },
  ],
  training_admin: [
    { to: '/pelatihan', label: 'dev.training.nav' },
    { to: '/jp', label: 'dev.training.navJp' },
    { to: '/pegawai', label: 'dev.nav.employees' },
    { to: '/pegawai/masa-percobaan', label: 'devc.nav.probation' },
    { to: '/pegawai/pengangkatan', label: 'devc.nav.appointment' },
    { to: '/skp/dasbor', label: 'skp.nav.dashboard' },
    { to: '/kebijakan', label: 'skp.nav.policies' },
  ],
  supervisor: [
    { to: '/skp/tim', label: 'skp.nav.team' },
    { to: '/pegawai', label: 'dev.nav.employees' },
    { to: '/pelatihan', label: 'dev.training.nav' },
    { to: '/jp', label: 'dev.training.navJp' },
    { to: '/pegawai/masa-percobaan', label: 'devc.nav.probation' },
    { to: '/skp/dasbor', label: 'skp.nav.dashboard' },
    { to: '/kebijakan', label: 'skp.nav.policies' },
    { to: '/skp/saya', label: 'skp.nav.mine' },
    { to: '/pegawai/saya', label: 'dev.nav.mine' },
    { to: '/pelatihan/saya', label: 'dev.training.navMine' },
  ],
  employee: [
    { to: '/skp/saya', label: 'skp.nav.mine' },
    { to: '/pegawai/saya', label: 'dev.nav.mine' },
    { to: '/pelatihan/saya', label: 'dev.training.navMine' },
  ],
};

/** The pages these roles work on, next to their inbox. */
function Pages({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="pages-title">
      <h2 id="pages-title">{t('hm.pagesTitle')}</h2>
      <ul className="link-list">
        {(USABLE[me.role] ?? []).map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{t(l.label)}</Link>
          </li>
        ))}
        <li>
          <Link to="/hasil">{t('hm.publicLinks.results')}</Link>
        </li>
        <li>
          <Link to="/audit">{t('hm.publicLinks.audit')}</Link>
        </li>
      </ul>
    </section>
  );
}

function StaffHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const summary = useHomeSummary();
  if (summary.isPending) return <Loading label={t('app.loading')} />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  const s = summary.data;
  return (
    <>
      <div className="grid grid--2">
        <Tasks summary={s} />
        <AccountCard me={me} />
      </div>
      {USABLE[me.role] ? <Pages me={me} /> : null}
      {s.sessions ? <Sessions sessions={s.sessions} /> : null}
      {s.bank ? <Bank bank={s.bank} /> : null}
      {s.accounts ? <Accounts accounts={s.accounts} /> : null}
      {s.periods ? <Periods periods={s.periods} /> : null}
      {me.role === 'citizen' ? <MyParticipation /> : null}
    </>
  );
}

function Home({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('home.title')} lead={t(`roles.${me.role}.desc`)}>
        {t('home.greeting', { name: me.fullName })}
      </PageTitle>
      {me.role === 'applicant' ? (
        <div className="grid grid--2">
          <ApplicantHome />
          <AccountCard me={me} />
        </div>
      ) : (
        <StaffHome me={me} />
      )}
      {me.role !== 'applicant' ? <NotificationSettings /> : null}
    </>
  );
}

export function HomePage() {
  return <RequireAuth>{(me) => <Home me={me} />}</RequireAuth>;
}
