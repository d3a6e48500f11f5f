/** /pengaduan/kelola/:id — one report for staff: dispose to an OPD or reject (coordinator), follow up (the OPD). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import { DisposeBody, FollowUpBody, RejectBody } from '../../../../common/contracts/participation.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { OneTextForm } from '../../app/OneTextForm.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { participationApi, type StaffComplaintDetail } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ClockLine, ComplaintThread } from '../complaint-track/ComplaintTrackPage.tsx';
import { RedactForm } from '../../features/participation/components/RedactForm.tsx';
import '../../features/participation/i18n-redact.ts';
import { COMPLAINT_STAFF_ROLES } from '../complaints-staff/ComplaintsStaffPage.tsx';

type Done = (data: StaffComplaintDetail) => void;

function DisposeForm({ c, done }: { c: StaffComplaintDetail; done: Done }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const form = useContractForm(DisposeBody, { organizationId: c.organization?.id ?? '', note: '' });
  const dispose = useMutation({
    mutationFn: (v: z.infer<typeof DisposeBody>) => participationApi.dispose(c.id, v.organizationId, v.note),
    onSuccess: done,
    onError: (e) => form.showServerErrors(e),
  });
  const list = orgs.data?.organizations ?? [];
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="dispose-title"
      onSubmit={form.handleSubmit((v) => dispose.mutate(v))}
    >
      <h2 id="dispose-title">{t('prt.staff.dispose')}</h2>
      <SelectField
        label={t('prt.staff.disposeOpd')}
        error={form.fieldError('organizationId')}
        {...form.register('organizationId')}
      >
        <option value="">—</option>
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prt.staff.note')}
        maxLength={2000}
        error={form.fieldError('note')}
        {...form.register('note')}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={dispose.isPending}>
          {t('prt.staff.dispose')}
        </button>
      </div>
      {dispose.isError ? <ErrorAlert error={dispose.error} /> : null}
    </form>
  );
}

function RejectForm({ c, done }: { c: StaffComplaintDetail; done: Done }) {
  const { t } = useTranslation();
  return (
    <OneTextForm
      schema={RejectBody}
      name="reason"
      heading={{ id: 'reject-title', text: t('prt.staff.reject') }}
      className="form card"
      label={t('prt.staff.reason')}
      maxLength={2000}
      submit={t('prt.staff.reject')}
      buttonClass="btn btn--secondary"
      send={(text) => participationApi.reject(c.id, text)}
      onDone={done}
    />
  );
}

function FollowUpForm({ c, done }: { c: StaffComplaintDetail; done: Done }) {
  const { t } = useTranslation();
  return (
    <OneTextForm
      schema={FollowUpBody}
      name="body"
      heading={{ id: 'follow-title', text: t('prt.staff.followUp') }}
      className="form card"
      label={t('prt.staff.followUp')}
      rows={5}
      maxLength={5000}
      submit={t('prt.staff.sendFollowUp')}
      send={(text) => participationApi.followUp(c.id, text)}
      onDone={done}
    />
  );
}

function Actions({ c }: { c: StaffComplaintDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const done = (data: StaffComplaintDetail) => {
    setSaved(true);
    qc.setQueryData(['prt', 'staff-detail', c.id], data);
    void qc.invalidateQueries({ queryKey: ['prt', 'staff'] });
  };
  return (
    <>
      {c.actions.dispose ? <DisposeForm c={c} done={done} /> : null}
      {c.actions.reject ? <RejectForm c={c} done={done} /> : null}
      {c.actions.followUp ? <FollowUpForm c={c} done={done} /> : null}
      {saved ? <Alert tone="success">{t('prt.staff.saved')}</Alert> : null}
    </>
  );
}

function Detail({ id, me }: { id: string; me: { role: string } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const detail = useQuery({ queryKey: ['prt', 'staff-detail', id], queryFn: () => participationApi.staffDetail(id) });
  const coordinator = me.role === 'admin' || me.role === 'committee';
  return (
    <QueryState query={detail}>
      {(c) => (
        <>
          <PageTitle title={`${c.trackingId} — ${c.title}`}>{c.title}</PageTitle>
          <section className="card" aria-labelledby="complaint-facts">
            <h2 id="complaint-facts" className="mono">
              {c.trackingId}
            </h2>
            <p>
              <span className="badge">{t(`prt.status.${c.status}`)}</span> · {t(`prt.kinds.${c.kind}`)} ·{' '}
              {t(`prt.categories.${c.category}`)} · {formatWitaDateTime(c.filedAt, lang)}
            </p>
            <p>
              {t('prt.staff.reporter')}:{' '}
              {c.reporter
                ? [c.reporter.name, c.reporter.contact].filter(Boolean).join(' · ') || '—'
                : t('prt.staff.hidden')}
            </p>
            {c.organization ? (
              <p>
                {t('prt.track.opd')}: {c.organization.name}
              </p>
            ) : null}
            <ClockLine clock={c.clock} />
            <p className="prt-body">{c.body}</p>
            {c.attachments.length > 0 ? (
              <ul className="plain">
                {c.attachments.map((a, i) => (
                  <li key={a.id}>
                    <a href={participationApi.attachmentUrl(c.id, a.id)}>{t('prt.staff.download', { n: i + 1 })}</a>{' '}
                    <span className="small muted">
                      ({a.mime}, {Math.ceil(a.size / 1024)} KB)
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <h3>{t('prt.track.thread')}</h3>
            <ComplaintThread
              events={c.events}
              extra={(e) =>
                e.publicBody === null ? null : (
                  <>
                    {e.publicBody !== e.body ? (
                      <p className="small">
                        <strong>{t('prtr.publicVersion')}:</strong> {e.publicBody}
                      </p>
                    ) : null}
                    {coordinator && e.body ? (
                      <RedactForm
                        title={`${t(`prt.events.${e.kind}`)} · ${formatWitaDateTime(e.at, lang)}`}
                        redact={(phrase) => participationApi.redactEvent(c.id, e.id, phrase)}
                        invalidate={['prt', 'staff-detail', id]}
                      />
                    ) : null}
                  </>
                )
              }
            />
            <p className="small muted">{t('prtr.publicHint')}</p>
            {me.role === 'admin' || me.role === 'committee' ? (
              <p>
                <a href={participationApi.handoffUrl(c.id)}>{t('prt.staff.handoff')}</a>
              </p>
            ) : null}
          </section>
          <Actions c={c} />
        </>
      )}
    </QueryState>
  );
}

export function ComplaintStaffDetailPage() {
  const { id } = useParams();
  return <RequireAuth roles={COMPLAINT_STAFF_ROLES}>{(me) => <Detail id={id!} me={me} />}</RequireAuth>;
}
