/** JP claims for outside activities: the employee's report form and list, and the supervisor's decisions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller } from 'react-hook-form';
import { CLAIM_KIND_VALUES, JpClaimBody } from '../../../../../common/contracts/development.ts';
import { formatCalendarDate } from '../../../../../common/rules/wita.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { DateField } from '../../../ui/DateFields.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { type ClaimInput, developmentApi, type MyTraining } from '../api.ts';
import '../i18n.ts';

/** The contract's claim body; the number field reads as a number (empty → "Wajib diisi."). */
const useClaimForm = () =>
  useContractForm(JpClaimBody, { kind: 'seminar', title: '', organizer: '', heldOn: '', minutes: 90, evidenceUrl: '' });

export function ClaimForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useClaimForm();
  const send = useMutation({
    mutationFn: (body: ClaimInput) => developmentApi.submitClaim(body),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: ['dev'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const err = send.error instanceof ApiError ? send.error : null;
  return (
    <section className="card" aria-labelledby="claim-title">
      <h2 id="claim-title">{t('dev.claims.formTitle')}</h2>
      <p className="small">{t('dev.claims.formLead')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="claim-title"
        onSubmit={form.handleSubmit((body) => send.mutate(body))}
      >
        <SelectField label={t('dev.claims.kind')} error={form.fieldError('kind')} {...form.register('kind')}>
          {CLAIM_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {t(`dev.claims.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('dev.claims.title')}
          maxLength={200}
          error={form.fieldError('title')}
          {...form.register('title')}
        />
        <TextField
          label={t('dev.claims.organizer')}
          maxLength={160}
          error={form.fieldError('organizer')}
          {...form.register('organizer')}
        />
        <Controller
          control={form.control}
          name="heldOn"
          render={({ field }) => (
            <DateField
              label={t('dev.claims.heldOn')}
              value={field.value}
              onChange={field.onChange}
              error={form.fieldError('heldOn')}
            />
          )}
        />
        <TextField
          label={t('dev.claims.minutes')}
          type="number"
          inputMode="numeric"
          min={45}
          max={60000}
          error={form.fieldError('minutes')}
          {...form.register('minutes', { valueAsNumber: true })}
        />
        <TextField
          label={t('dev.claims.evidence')}
          hint={t('dev.claims.evidenceHint')}
          type="url"
          inputMode="url"
          maxLength={500}
          error={form.fieldError('evidenceUrl')}
          {...form.register('evidenceUrl')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={send.isPending}>
            {t('dev.claims.send')}
          </button>
        </div>
        {send.isSuccess ? <Alert tone="success">{t('dev.claims.sent', { jp: send.data.jp })}</Alert> : null}
        {send.isError && !err?.fields.length ? <ErrorAlert error={send.error} /> : null}
      </form>
    </section>
  );
}

export function MyClaims({ claims }: { claims: MyTraining['claims'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="my-claims">
      <h2 id="my-claims">{t('dev.claims.mine')}</h2>
      {claims.length === 0 ? <p>{t('dev.claims.none')}</p> : null}
      <ul className="plain">
        {claims.map((c) => (
          <li key={c.id}>
            <strong>{c.title}</strong> · {c.organizer} · {formatCalendarDate(c.heldOn, lang)} ·{' '}
            {t('dev.training.jp', { count: c.jp })} ·{' '}
            <span className="badge">{t(`dev.claims.states.${c.status}`)}</span>
            {c.decisionNote ? <span className="small muted"> — {c.decisionNote}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Claims of the unit awaiting a decision; a rejection needs a reason the employee reads. */
export function ClaimDecisions() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const claims = useQuery({ queryKey: ['dev', 'claims'], queryFn: () => developmentApi.claims('submitted') });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: (d: { id: string; approve: boolean }) =>
      developmentApi.decideClaim(d.id, d.approve, notes[d.id]?.trim() || null),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
  });
  if (claims.isPending) return null;
  if (claims.isError) return <ErrorAlert error={claims.error} />;
  return (
    <section className="card" aria-labelledby="claims-waiting">
      <h2 id="claims-waiting">{t('dev.claims.waitingTitle', { count: claims.data.claims.length })}</h2>
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {decide.isSuccess ? <Alert tone="success">{t('dev.claims.decided')}</Alert> : null}
      {claims.data.claims.length === 0 ? <p>{t('dev.claims.waitingNone')}</p> : null}
      <ul className="rec-cards">
        {claims.data.claims.map((c) => (
          <li key={c.id}>
            <article className="card" aria-labelledby={`claim-${c.id}`}>
              <h3 id={`claim-${c.id}`}>
                {c.employee.fullName} — {c.title}
              </h3>
              <p className="small">
                {t(`dev.claims.kinds.${c.kind}`)} · {c.organizer} · {formatCalendarDate(c.heldOn, lang)} · {c.minutes}{' '}
                min = {t('dev.training.jp', { count: c.jp })} ·{' '}
                <a
                  href={c.evidenceUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('dev.claims.evidenceLink', { title: c.title })}
                >
                  {t('dev.claims.evidence')}
                </a>
              </p>
              <TextField
                label={t('dev.claims.reasonFor', { name: c.employee.fullName })}
                value={notes[c.id] ?? ''}
                maxLength={500}
                onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })}
              />
              <div className="actions">
                <button
                  type="button"
                  className="btn btn--primary btn--small"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ id: c.id, approve: true })}
                  aria-label={t('dev.claims.approveFor', { name: c.employee.fullName, title: c.title })}
                >
                  {t('dev.claims.approve')}
                </button>
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ id: c.id, approve: false })}
                  aria-label={t('dev.claims.rejectFor', { name: c.employee.fullName, title: c.title })}
                >
                  {t('dev.claims.reject')}
                </button>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
