/** /panitia/pemantau — the committee decides accreditation requests and answers observers' findings before their deadline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { AccreditationDecisionBody, FindingAnswerBody } from '../../../../common/contracts/participation.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { type Accreditation, type Finding, observerApi } from '../../features/participation/api.ts';
import { FindingList } from '../../features/participation/components/FindingList.tsx';
import { RedactForm } from '../../features/participation/components/RedactForm.tsx';
import '../../features/participation/i18n-redact.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** The decision without its verdict (the button pressed gives it); a blank end date means "no end". */
const DecisionForm = AccreditationDecisionBody.omit({ approve: true }).extend({
  expiresOn: blankAsNull(AccreditationDecisionBody.shape.expiresOn),
});
type Decision = z.infer<typeof DecisionForm> & { approve: boolean };

function Decide({ a, canDecide }: { a: Accreditation; canDecide: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(DecisionForm, { reason: '', expiresOn: '' });
  const decide = useMutation({
    mutationFn: (d: Decision) => observerApi.decide(a.id, d.approve, d.reason, d.approve ? d.expiresOn : null),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'obs'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const submit = (approve: boolean) => form.handleSubmit((v) => decide.mutate({ ...v, approve }));
  return (
    <article className="card" aria-labelledby={`acc-${a.id}`}>
      <h3 id={`acc-${a.id}`}>
        {a.organizationName} — {a.periodName}
      </h3>
      <p className="small">
        {t(`prt.obs.kinds.${a.organizationKind}`)} · {a.contactPerson} ·{' '}
        <span className="badge">{t(`prt.obs.states.${a.status}`)}</span> ·{' '}
        <a href={observerApi.letterUrl(a.id)}>{t('prt.obs.downloadLetter')}</a>
        {a.reason ? ` — ${a.reason}` : ''}
        {a.status === 'approved' ? (
          <>
            {' '}
            · <Link to={`/pemantauan/${a.periodId}`}>{t('prt.obs.openView')}</Link>
          </>
        ) : null}
      </p>
      {a.status === 'pending' && canDecide ? (
        <form
          className="form"
          noValidate
          aria-label={`${t('prt.obs.reason')}: ${a.organizationName}`}
          onSubmit={(e) => e.preventDefault()}
        >
          <TextField
            label={t('prt.obs.reason')}
            maxLength={1000}
            error={form.fieldError('reason')}
            {...form.register('reason')}
          />
          <Controller
            control={form.control}
            name="expiresOn"
            render={({ field }) => (
              <DateField
                label={t('prt.obs.expiresOn')}
                value={typeof field.value === 'string' ? field.value : ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={form.fieldError('expiresOn')}
              />
            )}
          />
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary btn--small"
              disabled={decide.isPending}
              onClick={submit(true)}
            >
              {t('prt.obs.approve')}
            </button>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={decide.isPending}
              onClick={submit(false)}
            >
              {t('prt.obs.refuse')}
            </button>
          </div>
          {decide.isError ? <ErrorAlert error={decide.error} /> : null}
        </form>
      ) : null}
    </article>
  );
}

function Answer({ f }: { f: Finding }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(FindingAnswerBody, { answer: '' });
  const send = useMutation({
    mutationFn: (v: z.infer<typeof FindingAnswerBody>) => observerApi.answer(f.id, v.answer),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'obs'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <>
      {f.hasEvidence ? (
        <p>
          <a href={observerApi.evidenceUrl(f.id)}>{t('prt.obs.evidence')}</a>
        </p>
      ) : null}
      {f.status === 'open' ? (
        <form
          className="form"
          noValidate
          aria-label={t('prt.obs.answerFor', { title: f.title })}
          onSubmit={form.handleSubmit((v) => send.mutate(v))}
        >
          <TextAreaField
            label={t('prt.obs.answerFor', { title: f.title })}
            rows={4}
            maxLength={5000}
            error={form.fieldError('answer')}
            {...form.register('answer')}
          />
          <div className="actions">
            <button type="submit" className="btn btn--primary btn--small" disabled={send.isPending}>
              {t('prt.obs.sendAnswer')}
            </button>
          </div>
          {send.isError ? <ErrorAlert error={send.error} /> : null}
          {send.isSuccess ? <Alert tone="success">{t('prt.obs.saved')}</Alert> : null}
        </form>
      ) : null}
    </>
  );
}

export function ObserversCommitteePage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['committee', 'admin']}>
      {(me) => (
        <>
          <PageTitle title={t('prt.obs.committeeTitle')} lead={t('prt.obs.committeeLead')}>
            {t('prt.obs.committeeTitle')}
          </PageTitle>
          <Lists canAct={me.role === 'committee'} />
        </>
      )}
    </RequireAuth>
  );
}

function Lists({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const accs = useQuery({ queryKey: ['prt', 'obs', 'all'], queryFn: observerApi.all });
  const findings = useQuery({ queryKey: ['prt', 'obs', 'findings', 'all'], queryFn: () => observerApi.findings() });
  return (
    <>
      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t('prt.obs.requests')}</h2>
        <QueryState query={accs} isEmpty={(d) => d.accreditations.length === 0} empty={t('prt.obs.none')}>
          {(d) => (
            <ul className="rec-cards">
              {d.accreditations.map((a) => (
                <li key={a.id}>
                  <Decide a={a} canDecide={canAct} />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="cfindings-title">
        <h2 id="cfindings-title">{t('prt.obs.findings')}</h2>
        <p className="small muted">{t('prtr.publicHint')}</p>
        <QueryState query={findings}>
          {(d) => (
            <FindingList
              findings={d.findings}
              extra={(f) => (
                <>
                  {canAct ? <Answer f={f} /> : null}
                  {f.answer ? (
                    <RedactForm
                      title={f.title}
                      redact={(phrase) => observerApi.redactAnswer(f.id, phrase)}
                      invalidate={['prt', 'obs']}
                    />
                  ) : null}
                </>
              )}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
