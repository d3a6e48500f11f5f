/** /panitia/pemantau — the committee decides accreditation requests and answers observers' findings before their deadline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { type Accreditation, type Finding, observerApi } from '../../features/participation/api.ts';
import { FindingList } from '../../features/participation/components/FindingList.tsx';
import { RedactForm } from '../../features/participation/components/RedactForm.tsx';
import '../../features/participation/i18n-redact.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Decide({ a, canDecide }: { a: Accreditation; canDecide: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const decide = useMutation({
    mutationFn: (approve: boolean) => observerApi.decide(a.id, approve, reason, approve ? expiresOn || null : null),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'obs'] }),
  });
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
          aria-label={`${t('prt.obs.reason')}: ${a.organizationName}`}
          onSubmit={(e) => e.preventDefault()}
        >
          <TextField
            label={t('prt.obs.reason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          <DateField label={t('prt.obs.expiresOn')} value={expiresOn} onChange={(value) => setExpiresOn(value)} />
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary btn--small"
              disabled={decide.isPending}
              onClick={() => decide.mutate(true)}
            >
              {t('prt.obs.approve')}
            </button>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={decide.isPending}
              onClick={() => decide.mutate(false)}
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
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () => observerApi.answer(f.id, answer),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'obs'] }),
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
          aria-label={t('prt.obs.answerFor', { title: f.title })}
          onSubmit={(e) => (e.preventDefault(), send.mutate())}
        >
          <div className="field">
            <label htmlFor={`answer-${f.id}`}>{t('prt.obs.answerFor', { title: f.title })}</label>
            <textarea
              id={`answer-${f.id}`}
              rows={4}
              maxLength={5000}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
            />
          </div>
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
