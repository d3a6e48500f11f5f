import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period, VerifierAccount } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { serverFieldError } from './shared.ts';

/** The verifiers assigned to the period (they see its queue only while assigned). */
export function Verifiers({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = [...recKey, 'period-verifiers', period.id];
  const assigned = useQuery({ queryKey: key, queryFn: () => recruitmentApi.periodVerifiers(period.id) });
  const all = useQuery({ queryKey: [...recKey, 'verifiers'], queryFn: recruitmentApi.verifiers });
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (v: VerifierAccount) => recruitmentApi.assignVerifier(period.id, v.id),
    onMutate: () => setDone(null),
    onSuccess: (_r, v) => {
      setChoice('');
      setDone(t('rec.com.verifierAssigned', { name: v.fullName }));
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (v: VerifierAccount) => recruitmentApi.unassignVerifier(period.id, v.id),
    onMutate: () => setDone(null),
    onSuccess: (_r, v) => {
      setDone(t('rec.com.verifierRemoved', { name: v.fullName }));
      // The pressed button leaves with its row: keep keyboard focus in the panel.
      headingRef.current?.focus();
      return refresh();
    },
  });
  const assignedIds = new Set(assigned.data?.verifiers.map((v) => v.id) ?? []);
  const available = (all.data?.verifiers ?? []).filter((v) => !assignedIds.has(v.id));
  const picked = available.find((v) => v.id === choice);
  return (
    <section className="card" aria-labelledby="verifiers-title">
      <h2 id="verifiers-title" ref={headingRef} tabIndex={-1}>
        {t('rec.com.verifiers')}
      </h2>
      <p className="small">{t('rec.com.verifiersLead')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {assigned.isError ? <ErrorAlert error={assigned.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {assigned.isPending ? <Loading label={t('app.loading')} /> : null}
      {assigned.data && assigned.data.verifiers.length === 0 ? <p>{t('rec.com.noVerifiers')}</p> : null}
      {assigned.data && assigned.data.verifiers.length > 0 ? (
        <ul className="rec-cards" aria-labelledby="verifiers-title">
          {assigned.data.verifiers.map((v) => (
            <li key={v.id} className="rec-row">
              <span>
                <span className="strong">{v.fullName}</span> <span className="muted small">{v.email}</span>
              </span>
              <button type="button" className="btn btn--secondary btn--small" disabled={remove.isPending} aria-label={t('rec.com.verifierRemoveFor', { name: v.fullName })} onClick={() => remove.mutate(v)}>
                {t('rec.com.verifierRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form"
        noValidate
        aria-labelledby="verifier-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) add.mutate(picked);
        }}
      >
        <h3 id="verifier-add-title">{t('rec.com.verifierAdd')}</h3>
        {all.isError ? <ErrorAlert error={all.error} /> : null}
        {add.isError && !serverFieldError(add.error, 'accountId') ? <ErrorAlert error={add.error} /> : null}
        {all.data && assigned.data && available.length === 0 ? (
          <p>{t('rec.com.verifierNoneLeft')}</p>
        ) : (
          <>
            <SelectField label={t('rec.com.verifiers')} value={choice} error={serverFieldError(add.error, 'accountId')} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('rec.biodata.choose')}</option>
              {available.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.fullName} ({v.email})
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn--primary" disabled={!picked || add.isPending}>
              {t('rec.com.verifierAssign')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
