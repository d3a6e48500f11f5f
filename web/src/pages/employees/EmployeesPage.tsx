/**
 * /pegawai — ASN records. BKPSDM (admin, training admin) sees every OPD and imports/exports the
 * sheet (check first, then import all rows or none); a supervisor sees their unit.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import type { Me } from '../../../../common/contracts/identity.ts';
import {
  EMPLOYEE_STATUS_VALUES,
  EmployeeListQuery,
  type EmployeeView,
} from '../../../../common/contracts/development.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { type EmployeeFilters, type EmployeeImport, developmentApi } from '../../features/development/api.ts';
import '../../features/development/development.css';
import '../../features/development/i18n.ts';
import { disciplineColumn } from '../../features/discipline/components.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { IpAsnLink } from '../../features/ipasn/IpAsnLink.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { UploadProgress } from '../../features/recruitment/components/bits.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Pager } from '../../ui/Pager.tsx';

const PAGE_SIZE = 50;
type EmployeeRow = z.infer<typeof EmployeeView>;

function SheetPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<EmployeeImport | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => developmentApi.importSheet(file!, commit, setPercent),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) void qc.invalidateQueries({ queryKey: ['dev', 'employees'] });
    },
    onSettled: () => setPercent(null),
  });
  const check = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (file) run.mutate(false);
  };
  const rowsToImport = result ? result.counts.new + result.counts.update : 0;
  return (
    <section className="card" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('dev.sheet.title')}</h2>
      <p className="small">{t('dev.sheet.lead')}</p>
      <p className="actions">
        {(['xlsx', 'csv'] as const).map((f) => (
          <a
            key={`t-${f}`}
            className="btn btn--secondary btn--small"
            href={developmentApi.sheetUrl('template', f)}
            download
          >
            {t('dev.sheet.template', { format: f.toUpperCase() })}
          </a>
        ))}
        {(['xlsx', 'csv'] as const).map((f) => (
          <a
            key={`e-${f}`}
            className="btn btn--secondary btn--small"
            href={developmentApi.sheetUrl('export', f)}
            download
          >
            {t('dev.sheet.export', { format: f.toUpperCase() })}
          </a>
        ))}
      </p>
      <form className="form" noValidate onSubmit={check} aria-label={t('dev.sheet.title')}>
        <div className="field">
          <label htmlFor={fileId}>{t('dev.sheet.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              run.reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || run.isPending}>
            {t('dev.sheet.check')}
          </button>
          {result?.ok && !result.committed ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('dev.sheet.commit', { count: rowsToImport })}
            </button>
          ) : null}
        </div>
        {percent !== null ? <UploadProgress percent={percent} label={t('dev.sheet.checking', { percent })} /> : null}
        {run.isError ? <ErrorAlert error={run.error} /> : null}
      </form>
      {result ? <ImportReport result={result} /> : null}
    </section>
  );
}

function ImportReport({ result }: { result: EmployeeImport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const summary = result.committed
    ? t('dev.sheet.done', result.counts)
    : result.ok
      ? t('dev.sheet.okSummary', result.counts)
      : t('dev.sheet.badSummary', result.counts);
  const rows = result.ok ? result.report.slice(0, 200) : result.report.filter((r) => r.status === 'error');
  const label = { new: t('dev.sheet.rowNew'), update: t('dev.sheet.rowUpdate'), error: t('dev.sheet.rowError') };
  return (
    <>
      <Alert tone={result.ok ? 'success' : 'error'}>
        <p>{summary}</p>
      </Alert>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('dev.sheet.report')}>
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('dev.sheet.line')}
              </th>
              <th scope="col">{t('dev.list.nip')}</th>
              <th scope="col">{t('dev.sheet.result')}</th>
              <th scope="col">{t('dev.sheet.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.line}-${r.nip ?? ''}`}>
                <td className="num">{r.line === 0 ? t('dev.sheet.fileLevel') : r.line}</td>
                <td className="mono">{r.nip ?? '—'}</td>
                <td>
                  <span className={`badge ${r.status === 'error' ? 'badge--warn' : 'badge--ok'}`}>
                    {label[r.status]}
                  </span>
                </td>
                <td>
                  {r.problems.length > 0 ? (
                    <ul className="plain">
                      {r.problems.map((p, i) => (
                        <li key={i}>{p[lang]}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const all = <T extends z.ZodType>(schema: T) => z.literal('').or(schema);
/** The list query's filters as chosen: '' is "all". */
const FilterFields = z.object({
  q: EmployeeListQuery.shape.q.unwrap(),
  organizationId: all(EmployeeListQuery.shape.organizationId.unwrap()),
  status: all(EmployeeListQuery.shape.status.unwrap()),
});
const NO_FILTER = { q: '', organizationId: '', status: '' } as const;

function EmployeeFilterForm({
  isBkpsdm,
  onFilter,
}: {
  isBkpsdm: boolean;
  onFilter: (f: z.infer<typeof FilterFields>) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const form = useContractForm(FilterFields, NO_FILTER);
  return (
    <form
      className="form filters"
      role="search"
      noValidate
      aria-label={t('dev.list.filters')}
      onSubmit={form.handleSubmit(onFilter)}
    >
      <TextField
        label={t('dev.list.search')}
        type="search"
        maxLength={100}
        error={form.fieldError('q')}
        {...form.register('q')}
      />
      {isBkpsdm ? (
        <SelectField
          label={t('dev.list.organization')}
          error={form.fieldError('organizationId')}
          {...form.register('organizationId')}
        >
          <option value="">{t('dev.list.allOrganizations')}</option>
          {orgs.data?.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={t('dev.list.status')} {...form.register('status')}>
        <option value="">{t('dev.list.allStatuses')}</option>
        {EMPLOYEE_STATUS_VALUES.map((s) => (
          <option key={s} value={s}>
            {t(`dev.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="btn btn--secondary">
          {t('dev.list.apply')}
        </button>
      </div>
    </form>
  );
}

function Employees({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isBkpsdm = me.role === 'admin' || me.role === 'training_admin';
  const [filters, setFilters] = useState<EmployeeFilters>({ ...NO_FILTER, page: 1 });
  const list = useQuery({
    queryKey: ['dev', 'employees', filters],
    queryFn: () => developmentApi.employees(filters),
    placeholderData: keepPreviousData,
  });
  const columns: Column<EmployeeRow>[] = [
    { key: 'nip', header: t('dev.list.nip'), className: 'mono', cell: (e) => e.nip },
    {
      key: 'name',
      header: t('dev.list.name'),
      cell: (e) => (isBkpsdm ? <Link to={`/pegawai/${e.id}/riwayat`}>{e.fullName}</Link> : e.fullName),
    },
    { key: 'status', header: t('dev.list.status'), cell: (e) => t(`dev.status.${e.status}`) },
    {
      key: 'jabatan',
      header: t('dev.list.jabatan'),
      cell: (e) => (
        <>
          {e.jabatan}
          <span className="small muted"> · {t(`dev.jabatanKind.${e.jabatanKind}`)}</span>
        </>
      ),
    },
    { key: 'golongan', header: t('dev.list.golongan'), cell: (e) => e.golongan },
    {
      key: 'organization',
      header: t('dev.list.organization'),
      cell: (e) => (
        <>
          {e.organization.name}
          {e.unit ? <span className="small muted"> · {e.unit}</span> : null}
        </>
      ),
    },
    { key: 'supervisor', header: t('dev.list.supervisor'), cell: (e) => e.supervisor?.fullName ?? '—' },
    ...(isBkpsdm ? [disciplineColumn] : []),
    { key: 'ipasn', header: 'IP ASN', cell: (e) => <IpAsnLink employeeId={e.id} name={e.fullName} /> },
  ];
  const go = (page: number) => setFilters({ ...filters, page });
  return (
    <>
      <PageTitle title={t('dev.list.title')} lead={isBkpsdm ? t('dev.list.leadAll') : t('dev.list.leadUnit')}>
        {t('dev.list.title')}
      </PageTitle>
      {isBkpsdm ? <SheetPanel /> : null}
      <section className="card" aria-labelledby="emp-list-title">
        <h2 id="emp-list-title">{list.data ? t('dev.list.count', { count: list.data.total }) : t('dev.list.title')}</h2>
        <EmployeeFilterForm isBkpsdm={isBkpsdm} onFilter={(f) => setFilters({ ...f, page: 1 })} />
        <QueryState
          query={list}
          isEmpty={(d) => d.employees.length === 0}
          empty={
            list.data?.scope === 'unit' && !filters.q && !filters.status ? t('dev.list.emptyUnit') : t('dev.list.empty')
          }
        >
          {(d) => (
            <>
              <DataTable label={t('dev.list.table')} columns={columns} rows={d.employees} rowKey={(e) => e.id} />
              <Pager page={filters.page} total={d.total} pageSize={PAGE_SIZE} onPage={go} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}

export function EmployeesPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Employees me={me} />}</RequireAuth>;
}
