/** /pemantauan — an observer's accreditations per period and the request form with the organisation's letter. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { AccreditationQuery, OBSERVER_ORG_KINDS } from '../../../../common/contracts/participation.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { observerApi } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function ApplyForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const periods = useQuery({ queryKey: ['public-periods'], queryFn: recruitmentApi.publicPeriods });
  const form = useContractForm(AccreditationQuery, {
    periodId: '',
    organizationName: '',
    organizationKind: 'lsm',
    contactPerson: '',
  });
  // The select shows the first open period until another is chosen: the form holds it too.
  const firstPeriod = periods.data?.periods[0]?.id;
  const { getValues, setValue } = form;
  useEffect(() => {
    if (firstPeriod && !getValues('periodId')) setValue('periodId', firstPeriod);
  }, [firstPeriod, getValues, setValue]);
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: (q: z.infer<typeof AccreditationQuery>) => {
      if (!file) throw new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: t('prt.obs.letter') });
      return observerApi.apply(q, file);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prt', 'obs'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="apply-title"
      onSubmit={form.handleSubmit((q) => send.mutate(q))}
    >
      <h2 id="apply-title">{t('prt.obs.apply')}</h2>
      <SelectField label={t('prt.obs.period')} error={form.fieldError('periodId')} {...form.register('periodId')}>
        {(periods.data?.periods ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <div className="prt-form-grid">
        <TextField
          label={t('prt.obs.orgName')}
          maxLength={160}
          error={form.fieldError('organizationName')}
          {...form.register('organizationName')}
        />
        <SelectField
          label={t('prt.obs.orgKind')}
          error={form.fieldError('organizationKind')}
          {...form.register('organizationKind')}
        >
          {OBSERVER_ORG_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`prt.obs.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('prt.obs.contact')}
          maxLength={120}
          error={form.fieldError('contactPerson')}
          {...form.register('contactPerson')}
        />
      </div>
      <div className="field">
        <label htmlFor="letter-file">{t('prt.obs.letter')}</label>
        <input
          id="letter-file"
          type="file"
          accept="application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {t('prt.obs.send')}
        </button>
      </div>
      {send.isSuccess ? <Alert tone="success">{t('prt.obs.sent')}</Alert> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

function Mine() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const mine = useQuery({ queryKey: ['prt', 'obs', 'mine'], queryFn: observerApi.mine });
  return (
    <section className="card" aria-labelledby="mine-title">
      <h2 id="mine-title">{t('prt.obs.mine')}</h2>
      <QueryState query={mine} isEmpty={(d) => d.accreditations.length === 0} empty={t('prt.obs.none')}>
        {(d) => (
          <ul className="plain">
            {d.accreditations.map((a) => (
              <li key={a.id}>
                <strong>{a.periodName}</strong> · {a.organizationName} ·{' '}
                <span className="badge">{t(`prt.obs.states.${a.status}`)}</span>
                {a.expiresOn
                  ? ` · ${a.active ? t('prt.obs.until', { date: formatCalendarDate(a.expiresOn, lang) }) : t('prt.obs.expired')}`
                  : ''}
                {a.reason ? <span className="small muted"> — {a.reason}</span> : null}
                {a.active ? (
                  <>
                    {' '}
                    · <Link to={`/pemantauan/${a.periodId}`}>{t('prt.obs.openView')}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

export function ObserverPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['observer']}>
      {() => (
        <>
          <PageTitle title={t('prt.obs.title')} lead={t('prt.obs.lead')}>
            {t('prt.obs.title')}
          </PageTitle>
          <Mine />
          <ApplyForm />
        </>
      )}
    </RequireAuth>
  );
}
