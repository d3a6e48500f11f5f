/**
 * /jp — the 20 JP a year (PP 17/2020 Pasal 203(4)): BKPSDM sees every OPD, a supervisor their
 * unit. A bar per OPD (the share who reached 20 JP) with the same numbers as a table, and the list
 * of who is short and by how much.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JpReportQuery } from '../../../../common/contracts/development.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { developmentApi, type JpReport } from '../../features/development/api.ts';
import { ClaimDecisions } from '../../features/development/components/Claims.tsx';
import '../../features/development/development.css';
import '../../features/development/i18n-completion.ts';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

/** The report's year, as the query names it (an emptied field says "Wajib diisi."). */
const YearQuery = JpReportQuery.pick({ year: true });

/** Horizontal bars, one per OPD; the figure is described by its title and the table below. */
function ComplianceChart({ report }: { report: JpReport }) {
  const { t } = useTranslation();
  const rows = report.byOrganization;
  const rowH = 28;
  const labelW = 290;
  const width = 720;
  const barW = width - labelW - 60;
  return (
    <figure className="dev-chart">
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowH + 8}`}
        role="img"
        aria-label={t('dev.jp.chart', { year: report.year })}
        className="dev-chart-svg"
      >
        {rows.map((r, i) => {
          const y = i * rowH + 4;
          const short = r.name.length > 40 ? `${r.name.slice(0, 39)}…` : r.name;
          return (
            <g key={r.organizationId}>
              <text x={labelW - 8} y={y + 17} textAnchor="end" className="dev-chart-label">
                {short}
              </text>
              <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="dev-chart-track" />
              <rect
                x={labelW}
                y={y + 4}
                width={Math.max(1, (barW * r.percent) / 100)}
                height={rowH - 10}
                className={r.percent >= 100 ? 'dev-chart-bar dev-chart-bar--met' : 'dev-chart-bar'}
              >
                <title>{`${r.name}: ${r.met}/${r.employees} (${r.percent} %)`}</title>
              </rect>
              <text x={labelW + barW + 6} y={y + 17} className="dev-chart-label">
                {r.percent} %
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t('dev.jp.chart', { year: report.year })}</figcaption>
    </figure>
  );
}

/** The year shown; a new one is checked as the report's query before it replaces the report. */
function YearForm({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const form = useContractForm(YearQuery, { year });
  return (
    <form
      className="form filters"
      noValidate
      aria-label={t('dev.jp.title')}
      onSubmit={form.handleSubmit((q) => onYear(q.year))}
    >
      <TextField
        label={t('dev.jp.year')}
        type="number"
        inputMode="numeric"
        min={2000}
        max={2100}
        error={form.fieldError('year')}
        {...form.register('year', { valueAsNumber: true })}
      />
      <div className="actions">
        <button type="submit" className="btn btn--secondary">
          {t('dev.jp.show')}
        </button>
      </div>
    </form>
  );
}

function Report({ me }: { me: Me }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const report = useQuery({ queryKey: ['dev', 'jp', year], queryFn: () => developmentApi.jp(year) });
  const remind = useMutation({ mutationFn: () => developmentApi.remindJp(year) });
  const bkpsdm = me.role === 'admin' || me.role === 'training_admin';
  return (
    <>
      <PageTitle title={t('dev.jp.title')} lead={t('dev.jp.lead')}>
        {t('dev.jp.title')}
      </PageTitle>
      <YearForm year={year} onYear={setYear} />
      <ClaimDecisions />
      <QueryState query={report}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="jp-summary">
              <h2 id="jp-summary">
                {t('dev.jp.summary', {
                  met: data.met,
                  employees: data.employees,
                  required: data.required,
                  year: data.year,
                })}
              </h2>
              {data.byOrganization.length > 0 ? <ComplianceChart report={data} /> : null}
              <DataTable
                label={t('dev.jp.chartTable')}
                rows={data.byOrganization}
                rowKey={(o) => o.organizationId}
                columns={[
                  { key: 'name', header: t('dev.jp.organization'), cell: (o) => o.name },
                  { key: 'employees', header: t('dev.jp.employees'), className: 'num', cell: (o) => o.employees },
                  { key: 'met', header: t('dev.jp.met'), className: 'num', cell: (o) => o.met },
                  { key: 'percent', header: t('dev.jp.percent'), className: 'num', cell: (o) => `${o.percent} %` },
                ]}
              />
            </section>
            <section className="card" aria-labelledby="jp-short">
              <h2 id="jp-short">{t('dev.jp.short', { count: data.short.length })}</h2>
              <p>
                <a href={developmentApi.jpXlsxUrl(year)} download>
                  {t('devc.jp.export', { year })}
                </a>
              </p>
              {bkpsdm && data.short.length > 0 ? (
                <div className="actions">
                  <button
                    type="button"
                    className="btn btn--secondary"
                    disabled={remind.isPending}
                    onClick={() => remind.mutate()}
                  >
                    {t('devc.jp.remind')}
                  </button>
                </div>
              ) : null}
              {remind.isError ? <ErrorAlert error={remind.error} /> : null}
              {remind.isSuccess ? (
                <Alert tone="success">{t('devc.jp.reminded', { count: remind.data.reminded })}</Alert>
              ) : null}
              {data.short.length === 0 ? (
                <p>{t('dev.jp.allMet')}</p>
              ) : (
                <DataTable
                  label={t('dev.jp.shortTable')}
                  rows={data.short}
                  rowKey={(r) => r.employeeId}
                  columns={[
                    { key: 'name', header: t('dev.list.name'), cell: (r) => r.fullName },
                    { key: 'nip', header: t('dev.list.nip'), className: 'mono', cell: (r) => r.nip },
                    { key: 'organization', header: t('dev.jp.organization'), cell: (r) => r.organization.name },
                    { key: 'jp', header: t('dev.jp.jp'), className: 'num', cell: (r) => r.jp },
                    { key: 'short', header: t('dev.jp.missing'), className: 'num', cell: (r) => r.short },
                  ]}
                />
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

export function JpPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Report me={me} />}</RequireAuth>;
}
