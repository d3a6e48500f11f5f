/**
 * /pelatihan/angkatan/:id — one batch: its participants in the order they came (the waitlist moves
 * up on a cancellation), enrolling someone (BKPSDM anyone, a supervisor their unit), cancelling,
 * and — for the training admin — marking participants as completed (their JP is posted) or not.
 */
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import { BatchScheduleBody, EmployeeListQuery } from '../../../../common/contracts/development.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { type BatchView, developmentApi } from '../../features/development/api.ts';
import { completionApi } from '../../features/development/completion-api.ts';
import {
  Attendance,
  Certificates,
  FeedbackResults,
  Meetings,
  Scores,
} from '../../features/development/components/BatchCompletion.tsx';
import { BatchTests } from '../../features/development/components/TrainingTests.tsx';
import '../../features/development/development.css';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/development/i18n-completion.ts';

/** The employee search, as the list query names it (a search starts from 2 letters). */
const FindQuery = EmployeeListQuery.pick({ q: true });

function Enrol({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(FindQuery, { q: '' });
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['dev', 'employees', 'find', search],
    queryFn: () => developmentApi.employees({ q: search, organizationId: '', status: '', page: 1 }),
    enabled: search.length >= 2,
  });
  const enrol = useMutation({
    mutationFn: (e: { id: string; name: string }) =>
      developmentApi.enroll(batchId, e.id).then((r) => ({ ...r, name: e.name })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
  });
  return (
    <section className="card" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('dev.batch.add')}</h2>
      <p className="small">{t('dev.batch.addLead')}</p>
      <form
        className="form"
        role="search"
        aria-label={t('dev.batch.add')}
        noValidate
        onSubmit={form.handleSubmit(({ q }) => setSearch(q ?? ''))}
      >
        <TextField
          label={t('dev.batch.find')}
          type="search"
          maxLength={100}
          error={form.fieldError('q')}
          {...form.register('q')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary">
            {t('dev.batch.search')}
          </button>
        </div>
      </form>
      {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
      {enrol.isSuccess ? (
        <Alert tone="success">
          {t(enrol.data.status === 'enrolled' ? 'dev.batch.enrolled' : 'dev.batch.waitlisted', {
            name: enrol.data.name,
          })}
        </Alert>
      ) : null}
      {found.isError ? <ErrorAlert error={found.error} /> : null}
      {found.data ? (
        <ul className="plain">
          {found.data.employees.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                disabled={enrol.isPending}
                onClick={() => enrol.mutate({ id: e.id, name: e.fullName })}
                aria-label={t('dev.batch.enrollFor', { name: e.fullName })}
              >
                {t('dev.batch.enrol')}
              </button>{' '}
              {e.fullName} <span className="mono small">{e.nip}</span>{' '}
              <span className="small muted">· {e.organization.name}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** BKPSDM moves a batch's dates when its schedule changes (with a reason, audited). */
function Reschedule({ batchId, startsOn, endsOn }: { batchId: string; startsOn: string; endsOn: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(BatchScheduleBody, { startsOn, endsOn, reason: '' });
  const save = useMutation({
    mutationFn: (body: z.output<typeof BatchScheduleBody>) => developmentApi.reschedule(batchId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <details className="card">
      <summary>{t('dev.batch.reschedule')}</summary>
      <form
        className="form"
        noValidate
        aria-label={t('dev.batch.reschedule')}
        onSubmit={form.handleSubmit((body) => save.mutate(body))}
      >
        <Controller
          control={form.control}
          name="startsOn"
          render={({ field }) => (
            <DateField
              label={t('dev.batch.startsOn')}
              value={field.value}
              required
              onChange={field.onChange}
              error={form.fieldError('startsOn')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="endsOn"
          render={({ field }) => (
            <DateField
              label={t('dev.batch.endsOn')}
              value={field.value}
              required
              onChange={field.onChange}
              error={form.fieldError('endsOn')}
            />
          )}
        />
        <TextField
          label={t('dev.batch.rescheduleReason')}
          required
          maxLength={300}
          error={form.fieldError('reason')}
          {...form.register('reason')}
        />
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? <Alert tone="success">{t('dev.batch.rescheduled')}</Alert> : null}
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={save.isPending}>
            {t('dev.batch.rescheduleSave')}
          </button>
        </div>
      </form>
    </details>
  );
}

type Enrollments = BatchView['enrollments'];

function ParticipantTable({
  enrollments,
  picked,
  toggle,
  isAdmin,
  canEnrol,
  cancel,
}: {
  enrollments: Enrollments;
  picked: Set<string>;
  toggle: (id: string) => void;
  isAdmin: boolean;
  canEnrol: boolean;
  cancel: UseMutationResult<Awaited<ReturnType<typeof developmentApi.cancel>>, Error, string>;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('dev.batch.table')}>
      <table>
        <thead>
          <tr>
            {isAdmin ? (
              <th scope="col">
                <span className="sr-only">{t('dev.batch.selectCol')}</span>
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('dev.batch.order')}
            </th>
            <th scope="col">{t('dev.list.name')}</th>
            <th scope="col">{t('dev.list.nip')}</th>
            <th scope="col">{t('dev.list.organization')}</th>
            <th scope="col">{t('dev.batch.state')}</th>
            {canEnrol ? (
              <th scope="col">
                <span className="sr-only">{t('dev.batch.cancel')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {enrollments.map((e, i) => (
            <tr key={e.id}>
              {isAdmin ? (
                <td>
                  {e.status === 'enrolled' || e.status === 'completed' ? (
                    <input
                      type="checkbox"
                      checked={picked.has(e.id)}
                      onChange={() => toggle(e.id)}
                      aria-label={t('dev.batch.select', { name: e.fullName })}
                    />
                  ) : null}
                </td>
              ) : null}
              <td className="num">{i + 1}</td>
              <td>{e.fullName}</td>
              <td className="mono">{e.nip}</td>
              <td>{e.organization.name}</td>
              <td>
                <span
                  className={`badge ${e.status === 'completed' || e.status === 'enrolled' ? 'badge--ok' : e.status === 'waitlisted' ? '' : 'badge--muted'}`}
                >
                  {t(`dev.batch.states.${e.status}`)}
                </span>
              </td>
              {canEnrol ? (
                <td>
                  {e.status === 'enrolled' || e.status === 'waitlisted' ? (
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate(e.id)}
                      aria-label={t('dev.batch.cancelFor', { name: e.fullName })}
                    >
                      {t('dev.batch.cancel')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The participants with their states; BKPSDM's training admin picks people to finish or certify, staff who enrol cancel. */
function Participants({
  batchId,
  enrollments,
  isAdmin,
  canEnrol,
}: {
  batchId: string;
  enrollments: Enrollments;
  isAdmin: boolean;
  canEnrol: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const cancel = useMutation({
    mutationFn: developmentApi.cancel,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
  });
  const finish = useMutation({
    mutationFn: (passed: boolean) => developmentApi.finish(batchId, [...picked], passed),
    onSuccess: () => {
      setPicked(new Set());
      void qc.invalidateQueries({ queryKey: ['dev'] });
    },
  });
  const issue = useMutation({
    mutationFn: () => completionApi.issue(batchId, [...picked]),
    onSuccess: () => {
      setPicked(new Set());
      void qc.invalidateQueries({ queryKey: ['dev'] });
    },
  });
  const toggle = (eid: string) => {
    const next = new Set(picked);
    if (next.has(eid)) next.delete(eid);
    else next.add(eid);
    setPicked(next);
  };
  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('dev.batch.participants', { count: enrollments.length })}</h2>
      {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
      {cancel.isSuccess ? (
        <Alert tone="success">
          {cancel.data.promoted.length > 0
            ? t('dev.batch.promoted', { count: cancel.data.promoted.length })
            : t('dev.batch.cancelled')}
        </Alert>
      ) : null}
      {finish.isError ? <ErrorAlert error={finish.error} /> : null}
      {finish.isSuccess ? (
        <Alert tone="success">{t('dev.batch.finished', { count: finish.data.finished })}</Alert>
      ) : null}
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {issue.isSuccess ? (
        <Alert tone="success">{t('devc.certs.issued', { count: issue.data.issued.length })}</Alert>
      ) : null}
      {enrollments.length === 0 ? <p>{t('dev.batch.none')}</p> : null}
      {enrollments.length > 0 ? (
        <ParticipantTable
          enrollments={enrollments}
          picked={picked}
          toggle={toggle}
          isAdmin={isAdmin}
          canEnrol={canEnrol}
          cancel={cancel}
        />
      ) : null}
      {isAdmin && picked.size > 0 ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={finish.isPending}
            onClick={() => finish.mutate(true)}
          >
            {t('dev.batch.finishPassed', { count: picked.size })}
          </button>
          <button
            type="button"
            className="btn btn--secondary"
            disabled={finish.isPending}
            onClick={() => finish.mutate(false)}
          >
            {t('dev.batch.finishFailed', { count: picked.size })}
          </button>
          <button
            type="button"
            className="btn btn--secondary"
            disabled={issue.isPending}
            onClick={() => issue.mutate()}
          >
            {t('devc.certs.issuePicked', { count: picked.size })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Batch({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { id = '' } = useParams();
  const view = useQuery({ queryKey: ['dev', 'batch', id], queryFn: () => developmentApi.batch(id) });
  const isAdmin = me.role === 'training_admin';
  const isBkpsdm = me.role === 'training_admin' || me.role === 'admin';
  const canEnrol = me.role === 'training_admin' || me.role === 'supervisor';
  if (view.isPending) return <Loading label={t('app.loading')} />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const { batch, program, enrollments } = view.data;
  const title = `${batch.name} — ${program.title}`;
  return (
    <>
      <PageTitle
        title={title}
        lead={t('dev.batch.lead', {
          program: t('dev.training.jp', { count: program.jp }),
          dates: `${formatCalendarDate(batch.startsOn, lang)} – ${formatCalendarDate(batch.endsOn, lang)}`,
          venue: batch.venue,
        })}
      >
        {title}
      </PageTitle>
      <p>
        {t('dev.training.seats', { seated: batch.seated, capacity: batch.capacity })}
        {batch.waiting > 0 ? ` · ${t('dev.training.waiting', { count: batch.waiting })}` : ''}
        {batch.facilitators ? ` · ${batch.facilitators}` : ''}
        {' · '}
        <span className="badge">{t(`dev.training.status.${batch.status}`)}</span>
      </p>
      {isAdmin ? <Reschedule batchId={batch.id} startsOn={batch.startsOn} endsOn={batch.endsOn} /> : null}
      {canEnrol && batch.status === 'open' ? <Enrol batchId={batch.id} /> : null}
      <Participants batchId={id} enrollments={enrollments} isAdmin={isAdmin} canEnrol={canEnrol} />
      <Meetings batchId={batch.id} isAdmin={isAdmin} />
      <Attendance batchId={batch.id} isAdmin={isAdmin} canExport={isBkpsdm} />
      {isBkpsdm ? <BatchTests batchId={batch.id} isAdmin={isAdmin} /> : null}
      <Scores view={view.data} isAdmin={isAdmin} />
      {isBkpsdm ? <Certificates view={view.data} isAdmin={isAdmin} /> : null}
      {isBkpsdm ? <FeedbackResults batchId={batch.id} /> : null}
    </>
  );
}

export function TrainingBatchPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Batch me={me} />}</RequireAuth>;
}
