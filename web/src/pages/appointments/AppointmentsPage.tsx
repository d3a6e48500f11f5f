/**
 * /pegawai/pengangkatan — BKPSDM turns a period's published final result into ASN records: each
 * appointee (L) gets their NIP / NI PPPK and TMT entered one by one; Merit makes the CPNS/PPPK
 * record from the application, makes the account an employee's and seats a CPNS in Latsar (a PPPK
 * in orientation).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AppointBody } from '../../../../common/contracts/development.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import {
  type AppointResult,
  appointmentApi,
  type AppointmentImport,
  type Candidate,
} from '../../features/development/appointment-api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import '../../features/development/development.css';
import '../../features/development/i18n-completion.ts';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Recorded({ c, result }: { c: Candidate; result: AppointResult }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <Alert tone="success" title={t('devc.appoint.done', { name: c.fullName, status: result.status })}>
        <p>
          {result.enrollment
            ? t(result.enrollment.status === 'enrolled' ? 'devc.appoint.seated' : 'devc.appoint.waiting', {
                program: result.enrollment.programTitle,
                batch: result.enrollment.batchName,
              })
            : t('devc.appoint.noBatch')}
        </p>
      </Alert>
    </div>
  );
}

/** The contract's body without what the page knows (period, application) or leaves to its defaults. */
const AppointFormSchema = AppointBody.omit({
  periodId: true,
  applicationId: true,
  jabatanKind: true,
  jenjang: true,
}).extend({
  supervisorNip: blankAsNull(AppointBody.shape.supervisorNip),
});
type AppointFields = z.output<typeof AppointFormSchema>;
const useAppointForm = (type: 'CPNS' | 'PPPK') =>
  useContractForm(AppointFormSchema, {
    nip: '',
    tmt: '',
    golongan: type === 'CPNS' ? 'III/a' : 'IX',
    unit: '',
    supervisorNip: '',
  });

function AppointForm({
  periodId,
  c,
  type,
  onDone,
}: {
  periodId: string;
  c: Candidate;
  type: 'CPNS' | 'PPPK';
  onDone: (r: AppointResult) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useAppointForm(type);
  const save = useMutation({
    mutationFn: (body: AppointFields) => appointmentApi.appoint({ ...body, periodId, applicationId: c.applicationId }),
    onSuccess: (r) => {
      onDone(r);
      void qc.invalidateQueries({ queryKey: ['dev'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const id = `appoint-${c.applicationId}`;
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby={id}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h3 id={id}>
        {c.fullName} <span className="mono small">({c.participantNo})</span>
      </h3>
      <p className="small">{`${c.jabatan} · ${c.organization.name} · ${c.formationCode}`}</p>
      <TextField
        label={t(type === 'CPNS' ? 'devc.appoint.nip' : 'devc.appoint.nipPppk')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        error={form.fieldError('nip')}
        {...form.register('nip')}
      />
      <Controller
        control={form.control}
        name="tmt"
        render={({ field }) => (
          <DateField
            label={t('devc.appoint.tmt')}
            value={field.value}
            onChange={field.onChange}
            error={form.fieldError('tmt')}
          />
        )}
      />
      <TextField
        label={t('dev.list.golongan')}
        maxLength={10}
        error={form.fieldError('golongan')}
        {...form.register('golongan')}
      />
      <TextField
        label={t('dev.list.unit')}
        maxLength={120}
        error={form.fieldError('unit')}
        {...form.register('unit')}
      />
      <TextField
        label={t('devc.appoint.supervisorNip')}
        inputMode="numeric"
        maxLength={18}
        error={form.fieldError('supervisorNip')}
        {...form.register('supervisorNip')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('devc.appoint.save')}
        </button>
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

function SheetImport({ periodId }: { periodId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AppointmentImport | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => appointmentApi.importSheet(periodId, file!, commit),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) void qc.invalidateQueries({ queryKey: ['dev'] });
    },
  });
  return (
    <section className="card" aria-labelledby="appoint-sheet">
      <h2 id="appoint-sheet">{t('devc.appoint.sheetTitle')}</h2>
      <p className="small">{t('devc.appoint.sheetLead')}</p>
      <p>
        <a href={appointmentApi.sheetUrl(periodId, 'xlsx')} download>
          {t('devc.appoint.download', { format: 'XLSX' })}
        </a>{' '}
        ·{' '}
        <a href={appointmentApi.sheetUrl(periodId, 'csv')} download>
          {t('devc.appoint.download', { format: 'CSV' })}
        </a>
      </p>
      <form
        className="form"
        noValidate
        aria-label={t('devc.appoint.sheetTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(false);
        }}
      >
        <TextField
          label={t('devc.appoint.file')}
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
          }}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || run.isPending}>
            {t('devc.appoint.check')}
          </button>
          {result?.ok && !result.committed && result.counts.new > 0 ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('devc.appoint.commit', { count: result.counts.new })}
            </button>
          ) : null}
        </div>
      </form>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {result ? (
        <>
          <Alert tone={result.ok ? 'success' : 'error'}>
            {result.committed
              ? t('devc.appoint.sheetDone', result.counts)
              : result.ok
                ? t('devc.appoint.sheetOk', result.counts)
                : t('devc.appoint.sheetBad', result.counts)}
          </Alert>
          <DataTable
            label={t('devc.appoint.report')}
            rows={result.report}
            rowKey={(r) => String(r.line)}
            columns={[
              { key: 'line', header: t('dev.sheet.line'), className: 'num', cell: (r) => r.line },
              {
                key: 'no',
                header: t('devc.appoint.participantNo'),
                className: 'mono',
                cell: (r) => r.participantNo ?? '—',
              },
              { key: 'status', header: t('dev.sheet.result'), cell: (r) => t(`devc.appoint.rowStates.${r.status}`) },
              {
                key: 'problems',
                header: t('dev.sheet.problems'),
                cell: (r) => r.problems.map((p) => p[lang]).join(' '),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

function Appointments() {
  const { t } = useTranslation();
  const periods = useQuery({ queryKey: ['dev', 'periods'], queryFn: recruitmentApi.publicPeriods });
  const [periodId, setPeriodId] = useState('');
  const [results, setResults] = useState<Map<string, AppointResult>>(new Map());
  const list = useQuery({
    queryKey: ['dev', 'appointees', periodId],
    queryFn: () => appointmentApi.candidates(periodId),
    enabled: periodId !== '',
  });
  return (
    <>
      <PageTitle title={t('devc.appoint.title')} lead={t('devc.appoint.lead')}>
        {t('devc.appoint.title')}
      </PageTitle>
      <section className="card" aria-labelledby="appoint-period">
        <h2 id="appoint-period">{t('devc.appoint.periodTitle')}</h2>
        <QueryState query={periods}>
          {(d) => (
            <SelectField
              label={t('devc.appoint.period')}
              value={periodId}
              onChange={(e) => setPeriodId(e.target.value)}
            >
              <option value="">{t('devc.appoint.choose')}</option>
              {d.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          )}
        </QueryState>
      </section>
      <QueryState query={list}>
        {(d) =>
          !d.published ? (
            <Alert tone="info">{t('devc.appoint.notPublished')}</Alert>
          ) : d.candidates.length === 0 ? (
            <Alert tone="info">{t('devc.appoint.none')}</Alert>
          ) : (
            <>
              <SheetImport periodId={periodId} />
              <section aria-labelledby="appoint-list">
                <h2 id="appoint-list">
                  {t('devc.appoint.count', {
                    count: d.candidates.length,
                    done: d.candidates.filter((c) => c.employee).length,
                  })}
                </h2>
                {d.candidates.map((c) =>
                  results.has(c.applicationId) ? (
                    <Recorded key={c.applicationId} c={c} result={results.get(c.applicationId)!} />
                  ) : c.employee ? (
                    <p key={c.applicationId} className="card">
                      {c.fullName} <span className="mono small">({c.participantNo})</span> —{' '}
                      {t('devc.appoint.recorded', { nip: c.employee.nip })}
                    </p>
                  ) : (
                    <AppointForm
                      key={c.applicationId}
                      periodId={periodId}
                      c={c}
                      type={d.type ?? 'CPNS'}
                      onDone={(r) => setResults(new Map(results).set(c.applicationId, r))}
                    />
                  ),
                )}
              </section>
            </>
          )
        }
      </QueryState>
    </>
  );
}

export function AppointmentsPage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <Appointments />}</RequireAuth>;
}
