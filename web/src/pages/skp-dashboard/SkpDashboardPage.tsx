/**
 * /skp/dasbor — performance across the city (BKPSDM) or one OPD (a supervisor): SKP and evaluation
 * progress per OPD, the predikat distribution of a period as bars with the same numbers in the
 * table, distribution warnings per OPD, evaluators who have not finalised, and the e-Kinerja export.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Me } from '../../../../common/contracts/identity.ts';
import { DashboardQuery, PERIOD_VALUES } from '../../../../common/contracts/performance.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { type CompetencyPlan, type Dashboard, type Predikat, performanceApi } from '../../features/performance/api.ts';
import { PredikatChart, useMsg } from '../../features/performance/components.tsx';
import { IndexPlanNeeds } from '../../features/performance/IndexPlanNeeds.tsx';
import '../../features/performance/i18n.ts';
import '../../features/performance/performance.css';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const PREDIKATS: Predikat[] = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];

function View({ d, me, chosenByServer }: { d: Dashboard; me: Me; chosenByServer: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const text = useMsg();
  const period = t(`skp.period.${d.period}`);
  return (
    <>
      <p>
        <strong>{t('skp.dashboard.showing', { period, year: d.year })}</strong>
        {chosenByServer ? <> — {t('skp.dashboard.showingLatest')}</> : null}
      </p>
      <section className="card" aria-labelledby="dash-summary">
        <h2 id="dash-summary">{t('skp.dashboard.summary', { ...d.totals, year: d.year, period })}</h2>
        {me.role !== 'supervisor' ? (
          <p>
            <a className="btn btn--secondary" href={performanceApi.exportUrl(d.year, d.period)} download>
              {t('skp.dashboard.export')}
            </a>
          </p>
        ) : null}
        <PredikatChart counts={d.totals.predikat} title={t('skp.dashboard.chart', { period, year: d.year })} />
        <DataTable
          label={t('skp.dashboard.table')}
          rows={d.organizations}
          rowKey={(o) => o.organizationId}
          columns={[
            { key: 'n', header: t('skp.dashboard.organization'), cell: (o) => o.name },
            { key: 'e', header: t('skp.dashboard.employees'), className: 'num', cell: (o) => o.employees },
            { key: 'p', header: t('skp.dashboard.plans'), className: 'num', cell: (o) => o.plans },
            { key: 'a', header: t('skp.dashboard.agreed'), className: 'num', cell: (o) => o.agreed },
            {
              key: 'f',
              header: t('skp.dashboard.final', { period }),
              className: 'num',
              cell: (o) => o.final[d.period],
            },
            ...PREDIKATS.map((p) => ({
              key: p,
              header: t(`skp.predikat.${p}`),
              className: 'num',
              cell: (o: Dashboard['organizations'][number]) => o.predikat[p],
            })),
          ]}
        />
        {d.organizations.some((o) => o.final[d.period] > 0 && o.warnings.length > 0) ? (
          <>
            <h3>{t('skp.dashboard.warnings')}</h3>
            <ul>
              {d.organizations
                .filter((o) => o.final[d.period] > 0 && o.warnings.length > 0)
                .map((o) => (
                  <li key={o.organizationId}>
                    <strong>{o.name}</strong> ({t(`skp.orgPredikat.${o.organizationPredikat ?? 'baik'}`)}):{' '}
                    {o.warnings.map((w) => text(w)).join(' ')}
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="dash-late">
        <h2 id="dash-late">{t('skp.dashboard.late', { count: d.lateEvaluators.length })}</h2>
        <p>
          {d.due.overdue
            ? t('skp.dashboard.lateLead', { period, due: formatCalendarDate(d.due.dueOn, lang) })
            : t('skp.dashboard.notDue', { period, due: formatCalendarDate(d.due.dueOn, lang) })}
        </p>
        {d.lateEvaluators.length === 0 ? (
          <p>{t('skp.dashboard.none')}</p>
        ) : (
          <DataTable
            label={t('skp.dashboard.lateTable')}
            rows={d.lateEvaluators}
            rowKey={(v) => v.id}
            columns={[
              {
                key: 'n',
                header: t('skp.plan.evaluator'),
                cell: (v) => (
                  <>
                    {v.fullName}
                    <br />
                    <span className="mono small">{v.nip}</span>
                  </>
                ),
              },
              { key: 'o', header: t('skp.dashboard.organization'), cell: (v) => v.organization.name },
              { key: 'c', header: t('skp.dashboard.pending'), className: 'num', cell: (v) => v.pending },
            ]}
          />
        )}
      </section>
    </>
  );
}

/** One OPD's plan lines: programme, employees, JP, cost and why. */
function PlanRows({ o }: { o: CompetencyPlan['organizations'][number] }) {
  const { t, i18n } = useTranslation();
  const text = useMsg();
  const money = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  return (
    <DataTable
      label={t('skp.dashboard.planTable', { name: o.name })}
      rows={o.rows}
      rowKey={(r) => r.program.id}
      columns={[
        {
          key: 'p',
          header: t('skp.dashboard.planProgram'),
          cell: (r) => (
            <>
              {r.program.title}
              <br />
              <span className="small muted">{r.program.competencyArea}</span>
            </>
          ),
        },
        {
          key: 'e',
          header: t('skp.dashboard.planEmployees'),
          className: 'num',
          cell: (r) => r.employees,
        },
        { key: 'j', header: t('skp.dashboard.planJp'), className: 'num', cell: (r) => r.jp },
        {
          key: 'c',
          header: t('skp.dashboard.planCost'),
          className: 'num',
          cell: (r) => money(r.costRupiah),
        },
        {
          key: 'r',
          header: t('skp.dashboard.planReasons'),
          cell: (r) => (
            <ul className="small">
              {r.reasons.map((x) => (
                <li key={x.reason.id}>
                  {text(x.reason)} ({x.count})
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

function CompetencyPlanView({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['skp', 'competency-plan', year],
    queryFn: () => performanceApi.competencyPlan(year),
  });
  const money = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  return (
    <section className="card" aria-labelledby="comp-plan">
      <h2 id="comp-plan">{t('skp.dashboard.planTitle', { year })}</h2>
      <p className="small">{t('skp.dashboard.planLead')}</p>
      <QueryState
        query={q}
        isEmpty={(d) => d.organizations.every((o) => o.rows.length === 0 && !o.index?.needs.length)}
        empty={t('skp.dashboard.planNone')}
      >
        {(d) => (
          <>
            <p>
              <strong>
                {t('skp.dashboard.planTotals', { jp: money(d.totals.jp), cost: money(d.totals.costRupiah) })}
              </strong>
            </p>
            <p>
              <a className="btn btn--secondary" href={performanceApi.competencyPlanUrl(year)} download>
                {t('skp.dashboard.planExport')}
              </a>{' '}
              <a className="btn btn--secondary" href={performanceApi.competencyPlanPdfUrl(year)} download>
                {t('skp.dashboard.planPdf')}
              </a>
            </p>
            {d.organizations
              .filter((o) => o.rows.length > 0 || (o.index?.needs.length ?? 0) > 0)
              .map((o) => (
                <div key={o.organizationId} className="skp-result">
                  <h3>
                    {o.assessed > 0
                      ? t('skp.dashboard.planOrg', { name: o.name, withNeeds: o.withNeeds, assessed: o.assessed })
                      : o.name}
                  </h3>
                  {o.valuesBelow.length > 0 ? (
                    <p className="small">
                      {t('skp.dashboard.planValues', {
                        list: o.valuesBelow.map((v) => `${v.label} (${v.employees})`).join(', '),
                      })}
                    </p>
                  ) : null}
                  {o.rows.length > 0 ? <PlanRows o={o} /> : null}
                  {o.index && d.index ? <IndexPlanNeeds org={o} index={o.index} source={d.index} /> : null}
                </div>
              ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ImportResults() {
  const { t } = useTranslation();
  const text = useMsg();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => performanceApi.importResults(file!, commit),
    onSuccess: (r) => {
      if (r.committed) void qc.invalidateQueries({ queryKey: ['skp'] });
    },
  });
  const r = run.data;
  return (
    <section className="card" aria-labelledby="skp-import">
      <h2 id="skp-import">{t('skp.dashboard.importTitle')}</h2>
      <p className="small">{t('skp.dashboard.importLead')}</p>
      <form
        className="form"
        aria-labelledby="skp-import"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(false);
        }}
      >
        <TextField
          label={t('skp.dashboard.importFile')}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            run.reset();
          }}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || run.isPending}>
            {t('skp.dashboard.importCheck')}
          </button>
          {r && r.ok && !r.committed ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('skp.dashboard.importRun', { count: r.counts.import })}
            </button>
          ) : null}
        </div>
      </form>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {r ? (
        <>
          <div role="status">
            <Alert tone={r.committed ? 'success' : r.ok ? 'info' : 'error'}>
              {r.committed
                ? t('skp.dashboard.importDone', r.counts)
                : r.ok
                  ? t('skp.dashboard.importOk', r.counts)
                  : t('skp.dashboard.importBad', r.counts)}
            </Alert>
          </div>
          {r.report.some((x) => x.status !== 'import') ? (
            <DataTable
              label={t('skp.dashboard.importTable')}
              rows={r.report.filter((x) => x.status !== 'import')}
              rowKey={(x) => String(x.line)}
              columns={[
                { key: 'l', header: t('skp.dashboard.importLine'), className: 'num', cell: (x) => x.line },
                { key: 'n', header: 'NIP', cell: (x) => <span className="mono">{x.nip ?? '—'}</span> },
                {
                  key: 's',
                  header: t('skp.dashboard.importStatus'),
                  cell: (x) => t(`skp.dashboard.importStates.${x.status}`),
                },
                {
                  key: 'p',
                  header: t('skp.dashboard.importProblems'),
                  cell: (x) => x.problems.map((p) => text(p)).join(' '),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The filters: an empty year or period means "let the server choose" (the newest with final evaluations). */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const FiltersForm = DashboardQuery.pick({ year: true, period: true }).extend({
  year: blankAsUnset(DashboardQuery.shape.year),
  period: blankAsUnset(DashboardQuery.shape.period),
});
type Shown = z.output<typeof FiltersForm>;

function Filters({ onShow, answer }: { onShow: (f: Shown) => void; answer: Dashboard | undefined }) {
  const { t } = useTranslation();
  const form = useContractForm(FiltersForm, { year: '', period: '' });
  const seeded = useRef(false);
  useEffect(() => {
    if (seeded.current || !answer) return;
    seeded.current = true;
    // Only fill what the person has not chosen yet (they may pick a period before the first answer).
    if (!form.getValues('year')) form.setValue('year', String(answer.year));
    if (!form.getValues('period')) form.setValue('period', answer.period);
  }, [answer, form]);
  return (
    <form
      className="form filters"
      noValidate
      aria-label={t('skp.dashboard.filters')}
      onSubmit={form.handleSubmit(onShow)}
    >
      <TextField
        label={t('skp.dashboard.year')}
        type="number"
        inputMode="numeric"
        min={2000}
        max={2100}
        error={form.fieldError('year')}
        {...form.register('year')}
      />
      <SelectField label={t('skp.dashboard.period')} error={form.fieldError('period')} {...form.register('period')}>
        {PERIOD_VALUES.map((p) => (
          <option key={p} value={p}>
            {t(`skp.period.${p}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="btn btn--secondary">
          {t('skp.dashboard.show')}
        </button>
      </div>
    </form>
  );
}

function Page({ me }: { me: Me }) {
  const { t } = useTranslation();
  // Empty year and period: the server opens on the newest period with final evaluations; the
  // filters then take the year and period it chose, so "Tampilkan" starts from what is shown.
  const [shown, setShown] = useState<Shown>({});
  const q = useQuery({
    queryKey: ['skp', 'dashboard', shown.year ?? '', shown.period ?? ''],
    queryFn: () => performanceApi.dashboard(shown.year ?? null, shown.period ?? ''),
  });
  const year = shown.year ?? q.data?.year ?? new Date().getFullYear();
  return (
    <>
      <PageTitle title={t('skp.dashboard.title')} lead={t('skp.dashboard.lead')}>
        {t('skp.dashboard.title')}
      </PageTitle>
      <Filters onShow={setShown} answer={q.data} />
      <QueryState query={q}>{(d) => <View d={d} me={me} chosenByServer={!shown.period} />}</QueryState>
      <CompetencyPlanView year={year} />
      {me.role !== 'supervisor' ? <ImportResults /> : null}
    </>
  );
}

export function SkpDashboardPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Page me={me} />}</RequireAuth>;
}
