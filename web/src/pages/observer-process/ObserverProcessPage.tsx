/**
 * /pemantauan/:periodId — the accredited observer's read-only view of a period: applications per
 * status, MS/TMS with reasons per formation, sanggah, announcement and publication steps, the
 * audit browser; and the finding form with evidence, and the observer's findings.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { FINDING_STAGES, FindingBody } from '../../../../common/contracts/participation.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { observerApi, type ProcessView } from '../../features/participation/api.ts';
import { BarChart } from '../../features/participation/BarChart.tsx';
import { FindingList } from '../../features/participation/components/FindingList.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import '../../features/recruitment/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function FindingForm({ periodId }: { periodId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const form = useContractForm(FindingBody, { stage: 'verifikasi', title: '', body: '' });
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: async (v: z.infer<typeof FindingBody>) => {
      const made = await observerApi.fileFinding(periodId, v);
      if (file) await observerApi.evidence(made.id, file);
      return made;
    },
    onSuccess: () => (form.reset(), void qc.invalidateQueries({ queryKey: ['prt', 'obs'] })),
    onError: (e) => form.showServerErrors(e),
  });
  const err = send.error instanceof ApiError ? send.error : null;
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="finding-form"
      onSubmit={form.handleSubmit((v) => send.mutate(v))}
    >
      <h2 id="finding-form">{t('prt.obs.findingForm')}</h2>
      <SelectField label={t('prt.obs.stage')} error={form.fieldError('stage')} {...form.register('stage')}>
        {FINDING_STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`prt.obs.stagesList.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prt.obs.findingTitle')}
        maxLength={160}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <TextAreaField
        label={t('prt.obs.findingBody')}
        rows={5}
        maxLength={5000}
        error={form.fieldError('body')}
        {...form.register('body')}
      />
      <div className="field">
        <label htmlFor="finding-evidence">{t('prt.obs.evidence')}</label>
        <input
          id="finding-evidence"
          type="file"
          accept="application/pdf,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {t('prt.obs.fileFinding')}
        </button>
      </div>
      {send.isSuccess ? (
        <Alert tone="success">{t('prt.obs.filed', { date: formatCalendarDate(send.data.dueOn, lang) })}</Alert>
      ) : null}
      {send.isError && !err?.fields.length ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

/** The exam sessions: capacity, assigned, started and submitted. */
function SessionsSection({ v }: { v: ProcessView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('prt.obs.sessions')}</h2>
      {v.examSessions.length === 0 ? (
        <p>—</p>
      ) : (
        <DataTable
          label={t('prt.obs.sessions')}
          rows={v.examSessions}
          rowKey={(x) => x.id}
          columns={[
            { key: 'site', header: t('prt.obs.site'), cell: (x) => x.site },
            { key: 'startsAt', header: t('prt.obs.startsAt'), cell: (x) => formatWitaDateTime(x.startsAt, lang) },
            { key: 'capacity', header: t('prt.obs.capacity'), className: 'num', cell: (x) => x.capacity },
            { key: 'assigned', header: t('prt.obs.assigned'), className: 'num', cell: (x) => x.assigned },
            { key: 'started', header: t('prt.obs.started'), className: 'num', cell: (x) => x.started },
            { key: 'submitted', header: t('prt.obs.submittedCol'), className: 'num', cell: (x) => x.submitted },
            { key: 'state', header: t('prt.obs.state'), cell: (x) => t(`prt.obs.sessionStates.${x.state}`) },
          ]}
        />
      )}
    </section>
  );
}

/** Objections, announcements and publications: where the period's public steps stand. */
function StepsSection({ v }: { v: ProcessView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('prt.obs.objections')}</h2>
      <p>{v.objections.map((o) => `${t(`prt.obs.objectionStates.${o.status}`)}: ${o.count}`).join(' · ') || '—'}</p>
      <h3>{t('prt.obs.announcements')}</h3>
      <ul className="plain">
        {v.announcements.map((a, i) => (
          <li key={i}>
            {t('prt.obs.step', {
              stage: t(`prt.obs.stageNames.${a.stage}`, { defaultValue: a.stage }),
              status: t(`prt.obs.stepStates.${a.status}`, { defaultValue: a.status }),
              proposed: a.proposedAt ? formatWitaDateTime(a.proposedAt, lang) : '—',
            })}
          </li>
        ))}
        {v.announcements.length === 0 ? <li>—</li> : null}
      </ul>
      <h3>{t('prt.obs.publications')}</h3>
      <ul className="plain">
        {v.publications.map((p, i) => (
          <li key={i}>
            {t('prt.obs.step', {
              stage: t('prt.obs.version', {
                stage: t(`prt.obs.stageNames.${p.stage}`, { defaultValue: p.stage }),
                version: p.version,
              }),
              status: t(`prt.obs.stepStates.${p.status}`, { defaultValue: p.status }),
              proposed: p.proposedAt ? formatWitaDateTime(p.proposedAt, lang) : '—',
            })}
          </li>
        ))}
        {v.publications.length === 0 ? <li>—</li> : null}
      </ul>
    </section>
  );
}

function View({ periodId, canFile }: { periodId: string; canFile: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const view = useQuery({
    queryKey: ['prt', 'obs', 'process', periodId],
    queryFn: () => observerApi.process(periodId),
    retry: false,
  });
  const findings = useQuery({
    queryKey: ['prt', 'obs', 'findings', periodId],
    queryFn: () => observerApi.findings(periodId),
    enabled: view.isSuccess,
  });
  return (
    <QueryState query={view}>
      {(v) => (
        <>
          <PageTitle title={t('prt.obs.processTitle', { period: v.period.name })} lead={t('prt.obs.processLead')}>
            {t('prt.obs.processTitle', { period: v.period.name })}
          </PageTitle>
          <p className="small">
            {t('prt.obs.generated', { at: formatWitaDateTime(v.generatedAt, lang) })} ·{' '}
            <Link to={v.auditPath}>{t('prt.obs.audit')}</Link>
          </p>
          <section className="card" aria-labelledby="stages-title">
            <h2 id="stages-title">{t('prt.obs.stages')}</h2>
            {v.applicationsByStatus.length > 0 ? (
              <BarChart
                caption={t('prt.obs.stagesChart')}
                max={Math.max(...v.applicationsByStatus.map((s) => s.count))}
                bars={v.applicationsByStatus.map((s) => ({
                  key: s.status,
                  label: t(`rec.status.${s.status}`, { defaultValue: s.status }),
                  value: s.count,
                  text: String(s.count),
                }))}
              />
            ) : (
              <p>—</p>
            )}
          </section>
          <section className="card" aria-labelledby="formations-title">
            <h2 id="formations-title">{t('prt.obs.formations')}</h2>
            <DataTable
              label={t('prt.obs.formations')}
              rows={v.formations}
              rowKey={(f) => f.formationId}
              columns={[
                {
                  key: 'formation',
                  header: t('prt.obs.formation'),
                  cell: (f) => (
                    <>
                      <span className="mono">{f.code}</span> {f.jabatan}
                    </>
                  ),
                },
                { key: 'submitted', header: t('prt.obs.submitted'), className: 'num', cell: (f) => f.submitted },
                { key: 'ms', header: t('prt.obs.ms'), className: 'num', cell: (f) => f.ms },
                { key: 'tms', header: t('prt.obs.tms'), className: 'num', cell: (f) => f.tms },
                { key: 'pending', header: t('prt.obs.pendingCol'), className: 'num', cell: (f) => f.pending },
                {
                  key: 'reasons',
                  header: t('prt.obs.reasons'),
                  cell: (f) => f.reasons.map((r) => `${r.reason} (${r.count})`).join('; ') || '—',
                },
              ]}
            />
          </section>
          <SessionsSection v={v} />
          <StepsSection v={v} />
          {canFile ? <FindingForm periodId={periodId} /> : null}
          <section className="card" aria-labelledby="findings-title">
            <h2 id="findings-title">{t('prt.obs.findings')}</h2>
            {findings.data ? <FindingList findings={findings.data.findings} /> : null}
          </section>
        </>
      )}
    </QueryState>
  );
}

export function ObserverProcessPage() {
  const { periodId } = useParams();
  return (
    <RequireAuth roles={['observer', 'committee', 'admin']}>
      {(me) => <View periodId={periodId!} canFile={me.role === 'observer'} />}
    </RequireAuth>
  );
}
