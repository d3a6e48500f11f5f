/**
 * /skp/tim — the supervisor as pejabat penilai: their own hasil kerja for the year, cascaded to one
 * direct report or the whole unit at once, and the direct reports' SKP and evaluation states.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CascadeBody } from '../../../../common/contracts/performance.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { type CascadeInput, performanceApi, type Team } from '../../features/performance/api.ts';
import { ResultForm } from '../../features/performance/components.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

function CascadeControls({ team, result }: { team: Team; result: { id: string; title: string } }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const inUnit = team.members.filter((m) => m.employee.organization.id === team.me.organization.id);
  const form = useContractForm(CascadeBody, { employeeIds: [inUnit[0]?.employee.id ?? ''] });
  const to = form.watch('employeeIds.0');
  const send = useMutation({
    mutationFn: (body: CascadeInput) => performanceApi.cascade(result.id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['skp'] }),
  });
  return (
    <div className="skp-result">
      <h3>{result.title}</h3>
      <form
        className="skp-inline"
        noValidate
        aria-label={t('skp.team.cascadeFor', { title: result.title })}
        onSubmit={form.handleSubmit((body) =>
          send.mutate({ employeeIds: body.employeeIds }, { onError: (e) => form.showServerErrors(e) }),
        )}
      >
        <SelectField
          label={t('skp.team.cascadeTo')}
          error={form.fieldError('employeeIds.0') ?? form.fieldError('employeeIds')}
          {...form.register('employeeIds.0')}
        >
          {inUnit.map((m) => (
            <option key={m.employee.id} value={m.employee.id}>
              {m.employee.fullName}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={send.isPending || !to}>
            {t('skp.team.cascadeOne')}
          </button>
        </div>
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={send.isPending}
            onClick={() => send.mutate({ unit: true })}
          >
            {t('skp.team.cascadeUnit')}
          </button>
        </div>
      </form>
      {send.isSuccess ? (
        <div role="status">
          <Alert tone="success">
            {t('skp.team.cascaded', { title: result.title, count: send.data.cascaded })}{' '}
            {send.data.skipped.length > 0 ? t('skp.team.skipped', { count: send.data.skipped.length }) : ''}
          </Alert>
        </div>
      ) : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </div>
  );
}

/** The team's members: their plan, each quarter's evaluation, and a link to the plan or a start button. */
function MembersTable({ team, onStart }: { team: Team; onStart: (employeeId: string) => void }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('skp.team.table')}
      rows={team.members}
      rowKey={(m) => m.employee.id}
      columns={[
        {
          key: 'name',
          header: t('skp.team.name'),
          cell: (m) => (
            <>
              <strong>{m.employee.fullName}</strong>
              <br />
              <span className="mono small">{m.employee.nip}</span>
            </>
          ),
        },
        { key: 'jabatan', header: t('skp.team.jabatan'), cell: (m) => m.employee.jabatan },
        {
          key: 'plan',
          header: t('skp.team.plan'),
          cell: (m) =>
            m.plan ? (
              <span className={m.plan.status === 'agreed' ? 'badge badge--ok' : 'badge'}>
                {t(`skp.planStatus.${m.plan.status}`)} · {t('skp.team.results', { count: m.plan.results })}
              </span>
            ) : (
              <span className="badge badge--muted">{t('skp.planStatus.none')}</span>
            ),
        },
        ...QUARTERS.map((q) => ({
          key: q,
          header: t(`skp.period.${q}`),
          cell: (m: Team['members'][number]) => {
            const e = m.evaluations[q];
            return e ? (e.status === 'final' ? t(`skp.predikat.${e.predikat}`) : t('skp.evalStatus.draft')) : '—';
          },
        })),
        {
          key: 'open',
          header: '',
          cell: (m) =>
            m.plan ? (
              <Link to={`/skp/rencana/${m.plan.id}`} aria-label={`${t('skp.team.open')}: ${m.employee.fullName}`}>
                {t('skp.team.open')}
              </Link>
            ) : (
              <button
                type="button"
                className="btn btn--small btn--secondary"
                aria-label={`${t('skp.team.startFor')}: ${m.employee.fullName}`}
                onClick={() => onStart(m.employee.id)}
              >
                {t('skp.team.startFor')}
              </button>
            ),
        },
      ]}
    />
  );
}

function TeamView({ team }: { team: Team }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: (employeeId: string | null) => performanceApi.startPlan(team.year, employeeId),
    onSuccess: (r, employeeId) => {
      void qc.invalidateQueries({ queryKey: ['skp'] });
      if (employeeId) navigate(`/skp/rencana/${r.id}`);
    },
  });
  return (
    <>
      <section className="card" aria-labelledby="my-results">
        <h2 id="my-results">{t('skp.team.mine', { year: team.year })}</h2>
        {!team.myPlan ? (
          <>
            <p>{t('skp.team.noPlan', { year: team.year })}</p>
            <button
              type="button"
              className="btn btn--primary"
              disabled={start.isPending}
              onClick={() => start.mutate(null)}
            >
              {t('skp.team.start', { year: team.year })}
            </button>
          </>
        ) : (
          <>
            {team.myPlan.results.length === 0 ? <p>{t('skp.team.noResults')}</p> : null}
            {team.myPlan.results.map((r) => (
              <CascadeControls key={r.id} team={team} result={r} />
            ))}
            <div className="skp-result">
              <ResultForm planId={team.myPlan.id} heading={t('skp.result.add')} />
            </div>
          </>
        )}
        {start.isError ? <ErrorAlert error={start.error} /> : null}
      </section>
      <section className="card" aria-labelledby="members">
        <h2 id="members">{t('skp.team.members', { count: team.members.length })}</h2>
        {team.members.length === 0 ? <p>{t('skp.team.noMembers')}</p> : null}
        {team.members.length > 0 ? (
          <MembersTable team={team} onStart={(employeeId) => start.mutate(employeeId)} />
        ) : null}
      </section>
    </>
  );
}

function TeamPage() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const team = useQuery({ queryKey: ['skp', 'team', year], queryFn: () => performanceApi.team(year), retry: false });
  return (
    <>
      <PageTitle title={t('skp.team.title')} lead={t('skp.team.lead')}>
        {t('skp.team.title')}
      </PageTitle>
      <QueryState query={team}>{(data) => <TeamView team={data} />}</QueryState>
    </>
  );
}

export function SkpTeamPage() {
  return <RequireAuth roles={['supervisor']}>{() => <TeamPage />}</RequireAuth>;
}
