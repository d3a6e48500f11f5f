/**
 * /admin/hari-libur — Palu's holiday calendar for a year (issue 23 §9): the fixed-date national
 * holidays known by rule, the SKB 3 Menteri list the admin imports (checked row by row, all or
 * nothing) or enters day by day and marks loaded, and amendments during the year (audited). The
 * committee reads it (its home warns when next year's list is missing); only the admin changes it.
 */
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { HolidayDayBody, HolidayDayParams, HolidayYearBody } from '../../../../common/contracts/holidays.ts';
import { HOLIDAY_KINDS, localDate } from '../../../../common/rules/calendar.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { calendarApi, type HolidayImportResponse, type HolidayYearView } from '../../features/calendar/api.ts';
import '../../features/calendar/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { UploadProgress } from '../../features/recruitment/components/bits.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { isoToIdDate } from '../../ui/dates.ts';

type Day = HolidayYearView['days'][number];
const thisYear = () => Number(localDate(new Date()).slice(0, 4));

function weekday(day: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function YearStatus({ view, canEdit }: { view: HolidayYearView; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const l = view.loaded;
  return (
    <>
      {l ? (
        <Alert tone="success">
          <p>
            {t('cal.loaded', { year: view.year, skb: l.skbReference })}
            {l.skbDate ? ` (${isoToIdDate(l.skbDate)})` : ''} ·{' '}
            {t('cal.loadedAt', { date: formatWitaDateTime(l.loadedAt, lang) })}
            {l.amendedAt ? ` · ${t('cal.amendedAt', { date: formatWitaDateTime(l.amendedAt, lang) })}` : ''}
          </p>
        </Alert>
      ) : (
        <Alert tone="warning">
          <p>{t('cal.notLoaded', { year: view.year })}</p>
        </Alert>
      )}
      {canEdit ? null : (
        <Alert tone="info">
          <p>{t('cal.readOnly')}</p>
        </Alert>
      )}
    </>
  );
}

function DaysTable({ view, canEdit, onEdit }: { view: HolidayYearView; canEdit: boolean; onEdit: (d: Day) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (day: string) => calendarApi.setDay(day, { name: null }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cal', view.year] }),
  });
  const columns: Column<Day>[] = [
    { key: 'date', header: t('cal.date'), cell: (d) => isoToIdDate(d.day), rowHeader: true, className: 'nowrap' },
    { key: 'weekday', header: t('cal.weekday'), cell: (d) => weekday(d.day, i18n.language) },
    { key: 'kind', header: t('cal.kind'), cell: (d) => t(`cal.kinds.${d.kind}`) },
    { key: 'name', header: t('cal.name'), cell: (d) => d.name },
    {
      key: 'source',
      header: t('cal.source'),
      cell: (d) =>
        d.amendedAt
          ? t('cal.sources.amended', { date: isoToIdDate(localDate(new Date(d.amendedAt))) })
          : d.fixed && !d.listed
            ? t('cal.sources.rule')
            : d.fixed
              ? `${t('cal.sources.list')} · ${t('cal.sources.rule')}`
              : t('cal.sources.list'),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('cal.actions'),
      cell: (d) =>
        d.fixed ? (
          '—'
        ) : (
          <span className="actions">
            <button
              type="button"
              className="btn btn--secondary btn--small"
              aria-label={t('cal.editLabel', { date: isoToIdDate(d.day) })}
              onClick={() => onEdit(d)}
            >
              {t('cal.edit')}
            </button>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              aria-label={t('cal.removeLabel', { date: isoToIdDate(d.day) })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(d.day)}
            >
              {t('cal.remove')}
            </button>
          </span>
        ),
    });
  }
  return (
    <section className="card stack" aria-labelledby="cal-days-title">
      <h2 id="cal-days-title">{t('cal.daysTitle', { year: view.year })}</h2>
      {remove.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('cal.removed', { date: isoToIdDate(remove.variables) })}</Alert>
        </div>
      ) : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {view.days.length === 0 ? (
        <p>{t('cal.none')}</p>
      ) : (
        <DataTable
          label={t('cal.daysLabel', { year: view.year })}
          caption={t('cal.daysLabel', { year: view.year })}
          captionHidden
          columns={columns}
          rows={view.days}
          rowKey={(d) => d.day}
        />
      )}
    </section>
  );
}

function ImportReport({ result }: { result: HolidayImportResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const summary = result.committed
    ? t('cal.done', result.counts)
    : result.ok
      ? t('cal.okSummary', result.counts)
      : t('cal.badSummary', result.counts);
  const rows = result.ok ? result.report : result.report.filter((r) => r.status === 'error');
  return (
    <>
      <div role="status">
        <Alert tone={result.ok ? 'success' : 'error'}>
          <p>{summary}</p>
        </Alert>
      </div>
      <DataTable
        label={t('cal.report')}
        caption={t('cal.report')}
        captionHidden
        rows={rows}
        rowKey={(r) => `${r.line}-${r.day ?? ''}`}
        columns={[
          {
            key: 'line',
            header: t('cal.line'),
            cell: (r) => (r.line === 0 ? t('cal.fileLevel') : r.line),
            className: 'num',
            rowHeader: true,
          },
          { key: 'day', header: t('cal.date'), cell: (r) => (r.day ? isoToIdDate(r.day) : '—'), className: 'nowrap' },
          {
            key: 'result',
            header: t('cal.result'),
            cell: (r) => (
              <span className={`badge ${r.status === 'error' ? 'badge--warn' : 'badge--ok'}`}>
                {r.status === 'error' ? t('cal.rowError') : t('cal.rowOk')}
              </span>
            ),
          },
          {
            key: 'problems',
            header: t('cal.problems'),
            cell: (r) =>
              r.problems.length ? (
                <ul className="plain">
                  {r.problems.map((p, i) => (
                    <li key={i}>{p[lang]}</li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}

/** The sheet templates to fill in, one link per format. */
function TemplateLinks({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      {(['xlsx', 'csv'] as const).map((f) => (
        <a key={f} className="btn btn--secondary btn--small" href={calendarApi.templateUrl(year, f)} download>
          {t('cal.template', { format: f.toUpperCase() })}
        </a>
      ))}
    </p>
  );
}

/** For a year whose list was entered day by day: say it is complete without importing a sheet. */
function MarkLoaded({
  year,
  mark,
  onMark,
  showError,
}: {
  year: number;
  mark: Pick<UseMutationResult<unknown, unknown, never>, 'isPending' | 'isError' | 'error'>;
  onMark: () => void;
  showError: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h3>{t('cal.markTitle')}</h3>
      <p className="small">{t('cal.markLead')}</p>
      <div className="actions">
        <button type="button" className="btn btn--secondary" disabled={mark.isPending} onClick={onMark}>
          {t('cal.mark', { year })}
        </button>
      </div>
      {mark.isError && showError ? <ErrorAlert error={mark.error} /> : null}
    </div>
  );
}

/** The SKB the list comes from, checked by the contract before any upload (an empty date is "not given"). */
const SkbForm = z.strictObject({
  skbReference: HolidayYearBody.shape.skbReference,
  skbDate: z.preprocess((v) => (v === '' ? null : v), HolidayYearBody.shape.skbDate),
});

function ImportPanel({ view }: { view: HolidayYearView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const form = useContractForm(SkbForm, {
    skbReference: view.loaded?.skbReference ?? '',
    skbDate: view.loaded?.skbDate ?? '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<HolidayImportResponse | null>(null);
  const run = useMutation({
    mutationFn: ({ commit, skb }: { commit: boolean; skb: z.output<typeof SkbForm> }) =>
      calendarApi.importSheet(
        view.year,
        file!,
        { commit, skbReference: skb.skbReference, skbDate: skb.skbDate ?? '' },
        setPercent,
      ),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) void qc.invalidateQueries({ queryKey: ['cal'] });
    },
    onError: form.showServerErrors,
    onSettled: () => setPercent(null),
  });
  const mark = useMutation({
    mutationFn: (skb: z.output<typeof SkbForm>) => calendarApi.markLoaded(view.year, skb),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cal'] }),
    onError: form.showServerErrors,
  });
  const fieldsShown = Boolean(form.fieldError('skbReference') ?? form.fieldError('skbDate'));
  const check = form.handleSubmit((skb) => {
    setResult(null);
    if (file) run.mutate({ commit: false, skb });
  });
  const commit = form.handleSubmit((skb) => run.mutate({ commit: true, skb }));
  return (
    <section className="card stack" aria-labelledby="cal-import-title">
      <h2 id="cal-import-title">{t('cal.importTitle')}</h2>
      <p className="small">{t('cal.importLead')}</p>
      <TemplateLinks year={view.year} />
      <form className="form" noValidate onSubmit={check} aria-labelledby="cal-import-title">
        <TextField
          label={t('cal.skbReference')}
          hint={t('cal.skbReferenceHint')}
          maxLength={200}
          error={form.fieldError('skbReference')}
          {...form.register('skbReference')}
        />
        <Controller
          control={form.control}
          name="skbDate"
          render={({ field }) => (
            <DateField
              label={t('cal.skbDate')}
              value={String(field.value ?? '')}
              onChange={field.onChange}
              error={form.fieldError('skbDate')}
            />
          )}
        />
        <div className="field">
          <label htmlFor={fileId}>{t('cal.file')}</label>
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
            {t('cal.check')}
          </button>
          {result?.ok && !result.committed ? (
            <button type="button" className="btn btn--primary" disabled={run.isPending} onClick={() => void commit()}>
              {t('cal.commit', { count: result.counts.ok })}
            </button>
          ) : null}
        </div>
        {percent !== null ? <UploadProgress percent={percent} label={t('cal.checking', { percent })} /> : null}
        {run.isError && !fieldsShown ? <ErrorAlert error={run.error} /> : null}
      </form>
      {result ? <ImportReport result={result} /> : null}
      {view.loaded ? null : (
        <MarkLoaded
          year={view.year}
          mark={mark}
          onMark={() => void form.handleSubmit((skb) => mark.mutate(skb))()}
          showError={!fieldsShown}
        />
      )}
      {mark.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('cal.marked', { year: view.year })}</Alert>
        </div>
      ) : null}
    </section>
  );
}

/** The contract's body for one day, with the day (the path's) as a field of its own. */
const DayFields = HolidayDayBody.extend({ day: HolidayDayParams.shape.day });

function DayForm({ view, editing }: { view: HolidayYearView; editing: Day | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(DayFields, {
    day: editing?.day ?? '',
    kind: editing?.kind ?? 'libur_nasional',
    name: editing?.name ?? '',
  });
  const save = useMutation({
    mutationFn: ({ day, ...body }: z.infer<typeof DayFields>) => calendarApi.setDay(day, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cal', view.year] }),
    onError: (e) => form.showServerErrors(e),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  // A day that is not a calendar date says how to write one; the server's word stays its own.
  const dayError =
    form.formState.errors.day?.type === 'server'
      ? form.fieldError('day')
      : form.fieldError('day') && t('cal.dayRequired');
  return (
    <form
      id="cal-day-form"
      className="form card"
      aria-labelledby="cal-day-title"
      noValidate
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
    >
      <h2 id="cal-day-title">{t('cal.dayTitle')}</h2>
      <p className="small">{t('cal.dayLead')}</p>
      <Controller
        control={form.control}
        name="day"
        render={({ field }) => (
          <DateField label={t('cal.date')} value={field.value} onChange={field.onChange} error={dayError} />
        )}
      />
      <SelectField label={t('cal.kind')} {...form.register('kind')}>
        {HOLIDAY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`cal.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('cal.name')} maxLength={120} error={form.fieldError('name')} {...form.register('name')} />
      {save.isSuccess ? (
        <div role="status">
          <Alert tone="success">{t('cal.saved')}</Alert>
        </div>
      ) : null}
      {save.isError && !err?.fields.length ? <ErrorAlert error={save.error} /> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('cal.save')}
        </button>
      </div>
    </form>
  );
}

function Holidays({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= 1970 && asked <= 2200 ? asked : thisYear();
  const [editing, setEditing] = useState<Day | null>(null);
  const view = useQuery({ queryKey: ['cal', year], queryFn: () => calendarApi.year(year) });
  const choices = [...new Set([...(view.data?.years ?? []), thisYear(), thisYear() + 1, year])].sort((a, b) => a - b);
  return (
    <section className="stack">
      <PageTitle title={t('cal.title')} lead={t('cal.lead')}>
        {t('cal.title')}
      </PageTitle>
      <div className="card">
        <SelectField
          label={t('cal.year')}
          value={String(year)}
          onChange={(e) => (setEditing(null), setParams({ tahun: e.target.value }))}
        >
          {choices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={view}>
        {(v) => (
          <>
            <YearStatus view={v} canEdit={canEdit} />
            <DaysTable
              view={v}
              canEdit={canEdit}
              onEdit={(d) => {
                setEditing(d);
                document.getElementById('cal-day-form')?.scrollIntoView();
              }}
            />
            {canEdit ? (
              <>
                <ImportPanel key={`import-${v.year}`} view={v} />
                <DayForm key={`day-${v.year}-${editing?.day ?? ''}`} view={v} editing={editing} />
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

export function AdminHolidaysPage() {
  return <RequireAuth roles={['admin', 'committee']}>{(me) => <Holidays canEdit={me.role === 'admin'} />}</RequireAuth>;
}
