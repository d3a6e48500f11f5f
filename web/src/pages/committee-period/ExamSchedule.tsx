import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey, useLang } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { serverFieldError, witaIso } from './shared.ts';
import '../../features/recruitment/i18n.ts';

export function ExamSchedule({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const sites = useQuery({ queryKey: [...recKey, 'sites', period.id], queryFn: () => recruitmentApi.sites(period.id) });
  const [site, setSite] = useState({ name: '', address: '', accessible: true });
  const [session, setSession] = useState({ siteId: '', startsAt: '', duration: '100', capacity: '40' });
  const refresh = () => qc.invalidateQueries({ queryKey: [...recKey, 'sites', period.id] });
  const addSite = useMutation({
    mutationFn: () =>
      recruitmentApi.createSite(period.id, {
        name: site.name.trim(),
        address: site.address.trim(),
        accessible: site.accessible,
      }),
    onSuccess: () => {
      setSite({ name: '', address: '', accessible: true });
      void refresh();
    },
  });
  const addSession = useMutation({
    mutationFn: () =>
      recruitmentApi.createSession(session.siteId || sites.data?.sites[0]?.id || '', {
        startsAt: witaIso(session.startsAt),
        durationMinutes: Number(session.duration),
        capacity: Number(session.capacity),
      }),
    onSuccess: () => void refresh(),
  });
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
      <form
        className="form"
        noValidate
        aria-labelledby="site-title"
        onSubmit={(e) => {
          e.preventDefault();
          addSite.mutate();
        }}
      >
        <h3 id="site-title">{t('rec.com.addSite')}</h3>
        {addSite.isSuccess ? <Alert tone="success">{t('rec.com.siteAdded')}</Alert> : null}
        {addSite.isError ? <ErrorAlert error={addSite.error} /> : null}
        <TextField
          label={t('rec.com.siteName')}
          value={site.name}
          error={serverFieldError(addSite.error, 'name')}
          onChange={(e) => setSite({ ...site, name: e.target.value })}
        />
        <TextField
          label={t('rec.com.address')}
          value={site.address}
          error={serverFieldError(addSite.error, 'address')}
          onChange={(e) => setSite({ ...site, address: e.target.value })}
        />
        <CheckboxField
          label={t('rec.com.accessible')}
          checked={site.accessible}
          onChange={(e) => setSite({ ...site, accessible: e.target.checked })}
        />
        <button type="submit" className="btn btn--secondary" disabled={addSite.isPending}>
          {t('rec.com.addSite')}
        </button>
      </form>
      {sites.data && sites.data.sites.length > 0 ? (
        <form
          className="form"
          noValidate
          aria-labelledby="session-title"
          onSubmit={(e) => {
            e.preventDefault();
            addSession.mutate();
          }}
        >
          <h3 id="session-title">{t('rec.com.addSession')}</h3>
          {addSession.isSuccess ? <Alert tone="success">{t('rec.com.sessionAdded')}</Alert> : null}
          {addSession.isError ? <ErrorAlert error={addSession.error} /> : null}
          <SelectField
            label={t('rec.com.site')}
            value={session.siteId}
            onChange={(e) => setSession({ ...session, siteId: e.target.value })}
          >
            {sites.data.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <DateTimeField
            label={t('rec.com.startsAt')}
            value={session.startsAt}
            error={serverFieldError(addSession.error, 'startsAt')}
            onChange={(x) => setSession({ ...session, startsAt: x })}
          />
          <TextField
            label={t('rec.com.duration')}
            inputMode="numeric"
            value={session.duration}
            onChange={(e) => setSession({ ...session, duration: e.target.value })}
          />
          <TextField
            label={t('rec.com.capacity')}
            inputMode="numeric"
            value={session.capacity}
            onChange={(e) => setSession({ ...session, capacity: e.target.value })}
          />
          <button type="submit" className="btn btn--secondary" disabled={addSession.isPending}>
            {t('rec.com.addSession')}
          </button>
        </form>
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
