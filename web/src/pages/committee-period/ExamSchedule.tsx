import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SessionBody, SiteBody } from '../../../../common/contracts/recruitment.ts';
import '../../features/exam/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { formatDateTime } from '../../app/format.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey, useLang } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { witaIso } from './shared.ts';
import '../../features/recruitment/i18n.ts';

export function ExamSchedule({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const sites = useQuery({ queryKey: [...recKey, 'sites', period.id], queryFn: () => recruitmentApi.sites(period.id) });
  const refresh = () => qc.invalidateQueries({ queryKey: [...recKey, 'sites', period.id] });
  const assign = useMutation({
    mutationFn: () => recruitmentApi.assign(period.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: recKey }),
  });
  return (
    <section className="card" aria-labelledby="exam-title">
      <h2 id="exam-title">{t('rec.com.exam')}</h2>
      {sites.isError ? <ErrorAlert error={sites.error} /> : null}
      {sites.data && sites.data.sites.length === 0 ? <p>{t('rec.com.noSites')}</p> : null}
      <ul className="rec-cards">
        {sites.data?.sites.map((s) => (
          <li key={s.id}>
            <h3>
              {s.name} {s.accessible ? <span className="badge badge--ok">{t('rec.com.accessible')}</span> : null}
            </h3>
            <p className="small">{s.address}</p>
            <ul>
              {s.sessions.map((x) => (
                <li key={x.id}>
                  {formatDateTime(x.startsAt, lang)} · {t('cat.bp.minutes', { n: x.durationMinutes })} ·{' '}
                  {t('rec.com.assignedOf', { assigned: x.assigned, capacity: x.capacity })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <hr className="rec-sep" />
      <SiteForm periodId={period.id} onAdded={() => void refresh()} />
      {sites.data && sites.data.sites.length > 0 ? (
        <SessionForm sites={sites.data.sites} onAdded={() => void refresh()} />
      ) : null}
      <hr className="rec-sep" />
      <button type="button" className="btn btn--primary" disabled={assign.isPending} onClick={() => assign.mutate()}>
        {t('rec.com.assign')}
      </button>
      {assign.isSuccess ? (
        <Alert tone="success">
          {t('rec.com.assignResult', { assigned: assign.data.assigned, unassigned: assign.data.unassigned.length })}
        </Alert>
      ) : null}
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
    </section>
  );
}

function SiteForm({ periodId, onAdded }: { periodId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(SiteBody, { name: '', address: '', accessible: true });
  const addSite = useMutation({
    mutationFn: (body: z.infer<typeof SiteBody>) => recruitmentApi.createSite(periodId, body),
    onSuccess: () => {
      form.reset();
      onAdded();
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="site-title"
      onSubmit={form.handleSubmit((body) => addSite.mutate(body))}
    >
      <h3 id="site-title">{t('rec.com.addSite')}</h3>
      {addSite.isSuccess ? <Alert tone="success">{t('rec.com.siteAdded')}</Alert> : null}
      {addSite.isError ? <ErrorAlert error={addSite.error} /> : null}
      <TextField label={t('rec.com.siteName')} error={form.fieldError('name')} {...form.register('name')} />
      <TextField label={t('rec.com.address')} error={form.fieldError('address')} {...form.register('address')} />
      <CheckboxField label={t('rec.com.accessible')} {...form.register('accessible')} />
      <button type="submit" className="btn btn--secondary" disabled={addSite.isPending}>
        {t('rec.com.addSite')}
      </button>
    </form>
  );
}

/** The contract's session body, its start typed in WITA, and the site it goes in (the path's). */
const SessionFields = SessionBody.extend({
  siteId: z.string(),
  startsAt: z.string().transform(witaIso).pipe(SessionBody.shape.startsAt),
});

function SessionForm({ sites, onAdded }: { sites: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(SessionFields, { siteId: '', startsAt: '', durationMinutes: 100, capacity: 40 });
  const addSession = useMutation({
    mutationFn: ({ siteId, ...body }: z.infer<typeof SessionFields>) =>
      recruitmentApi.createSession(siteId || sites[0]?.id || '', body),
    onSuccess: onAdded,
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="session-title"
      onSubmit={form.handleSubmit((body) => addSession.mutate(body))}
    >
      <h3 id="session-title">{t('rec.com.addSession')}</h3>
      {addSession.isSuccess ? <Alert tone="success">{t('rec.com.sessionAdded')}</Alert> : null}
      {addSession.isError ? <ErrorAlert error={addSession.error} /> : null}
      <Controller
        control={form.control}
        name="siteId"
        render={({ field }) => (
          <SelectField
            label={t('rec.com.site')}
            name={field.name}
            value={field.value || sites[0]?.id}
            onChange={field.onChange}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        )}
      />
      <Controller
        control={form.control}
        name="startsAt"
        render={({ field }) => (
          <DateTimeField
            label={t('rec.com.startsAt')}
            value={field.value}
            error={form.fieldError('startsAt')}
            onChange={field.onChange}
          />
        )}
      />
      <TextField
        label={t('rec.com.duration')}
        inputMode="numeric"
        error={form.fieldError('durationMinutes')}
        {...form.register('durationMinutes', { valueAsNumber: true })}
      />
      <TextField
        label={t('rec.com.capacity')}
        inputMode="numeric"
        error={form.fieldError('capacity')}
        {...form.register('capacity', { valueAsNumber: true })}
      />
      <button type="submit" className="btn btn--secondary" disabled={addSession.isPending}>
        {t('rec.com.addSession')}
      </button>
    </form>
  );
}
