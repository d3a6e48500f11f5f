/** On /pelatihan/saya: the employee's certificates (PDF, check link) and feedback for trainings they attended. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FeedbackBody } from '../../../../../common/contracts/development.ts';
import { formatWitaDate } from '../../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import type { MyTraining } from '../api.ts';
import { completionApi } from '../completion-api.ts';
import '../i18n-completion.ts';

export function MyCertificates({ mine }: { mine: MyTraining }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const titleOf = new Map(mine.enrollments.map((e) => [e.id, `${e.title} (${e.batchName})`]));
  return (
    <section className="card" aria-labelledby="my-certs">
      <h2 id="my-certs">{t('devc.mine.certificates')}</h2>
      {mine.certificates.length === 0 ? <p>{t('devc.mine.none')}</p> : null}
      <ul className="plain">
        {mine.certificates.map((c) => (
          <li key={c.id}>
            <strong>{titleOf.get(c.enrollmentId) ?? ''}</strong> · <span className="mono">{c.number}</span> ·{' '}
            {formatWitaDate(c.issuedAt, lang)}
            <br />
            {c.revoked ? (
              <span className="badge badge--muted">{t('devc.mine.revoked', { reason: c.revoked.reason })}</span>
            ) : (
              <>
                <a href={completionApi.pdfUrl(c.id)} download>
                  {t('devc.mine.download', { number: c.number })}
                </a>{' '}
                · <a href={c.verifyUrl}>{t('devc.mine.check')}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const ASPECTS = ['facilitator', 'material', 'venue', 'usefulness'] as const;

function FeedbackForm({
  enrollment,
  sent,
  onSent,
}: {
  enrollment: MyTraining['enrollments'][number];
  sent: boolean;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(FeedbackBody, {
    facilitator: 5,
    material: 5,
    venue: 5,
    usefulness: 5,
    comment: '',
  });
  const send = useMutation({
    mutationFn: (body: z.output<typeof FeedbackBody>) => completionApi.giveFeedback(enrollment.id, body),
    onSuccess: () => {
      onSent();
      void qc.invalidateQueries({ queryKey: ['dev'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  const id = `fb-${enrollment.id}`;
  if (sent || send.isSuccess) return <Alert tone="success">{t('devc.feedback.sent')}</Alert>;
  return (
    <form className="form" noValidate aria-labelledby={id} onSubmit={form.handleSubmit((body) => send.mutate(body))}>
      <h3 id={id}>{t('devc.feedback.formTitle', { title: `${enrollment.title} (${enrollment.batchName})` })}</h3>
      <p className="small">{t('devc.feedback.formLead')}</p>
      <div className="dev-rating">
        {ASPECTS.map((a) => (
          <SelectField
            key={a}
            label={t('devc.feedback.rating', { aspect: t(`devc.feedback.aspects.${a}`) })}
            error={form.fieldError(a)}
            {...form.register(a, { valueAsNumber: true })}
          >
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <TextField
        label={t('devc.feedback.comment')}
        maxLength={1000}
        error={form.fieldError('comment')}
        {...form.register('comment')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {t('devc.feedback.send')}
        </button>
      </div>
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

/** A feedback form for each training the employee attended and has not yet rated. */
export function MyFeedback({ mine }: { mine: MyTraining }) {
  const { t } = useTranslation();
  // What was just sent stays with its thank-you after the refetch marks it given.
  const [sent, setSent] = useState<string[]>([]);
  const open = mine.enrollments.filter(
    (e) =>
      e.attended && (!e.feedbackGiven || sent.includes(e.id)) && e.status !== 'cancelled' && e.status !== 'waitlisted',
  );
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-feedback">
      <h2 id="my-feedback">{t('devc.feedback.section')}</h2>
      {open.map((e) => (
        <FeedbackForm
          key={e.id}
          enrollment={e}
          sent={sent.includes(e.id)}
          onSent={() => setSent((s) => [...s, e.id])}
        />
      ))}
    </section>
  );
}
