/** /pengaduan/kelola/:id — one report for staff: dispose to an OPD or reject (coordinator), follow up (the OPD). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
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

function Actions({ c }: { c: StaffComplaintDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const [org, setOrg] = useState(c.organization?.id ?? '');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [followUp, setFollowUp] = useState('');
  const done = (data: StaffComplaintDetail) => {
    qc.setQueryData(['prt', 'staff-detail', c.id], data);
    void qc.invalidateQueries({ queryKey: ['prt', 'staff'] });
  };
  const dispose = useMutation({ mutationFn: () => participationApi.dispose(c.id, org, note), onSuccess: done });
  const reject = useMutation({ mutationFn: () => participationApi.reject(c.id, reason), onSuccess: done });
  const follow = useMutation({ mutationFn: () => participationApi.followUp(c.id, followUp), onSuccess: done });
  const list = orgs.data?.organizations ?? [];
  return (
    <>
      {c.actions.dispose ? (
        <form
          className="form card"
          aria-labelledby="dispose-title"
          onSubmit={(e) => (e.preventDefault(), dispose.mutate())}
        >
          <h2 id="dispose-title">{t('prt.staff.dispose')}</h2>
          <SelectField label={t('prt.staff.disposeOpd')} value={org} onChange={(e) => setOrg(e.target.value)}>
            <option value="">—</option>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('prt.staff.note')}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={dispose.isPending}>
              {t('prt.staff.dispose')}
            </button>
          </div>
          {dispose.isError ? <ErrorAlert error={dispose.error} /> : null}
        </form>
      ) : null}
      {c.actions.reject ? (
        <form
          className="form card"
          aria-labelledby="reject-title"
          onSubmit={(e) => (e.preventDefault(), reject.mutate())}
        >
          <h2 id="reject-title">{t('prt.staff.reject')}</h2>
          <TextField
            label={t('prt.staff.reason')}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="btn btn--secondary" disabled={reject.isPending}>
              {t('prt.staff.reject')}
            </button>
          </div>
          {reject.isError ? <ErrorAlert error={reject.error} /> : null}
        </form>
      ) : null}
      {c.actions.followUp ? (
        <form
          className="form card"
          aria-labelledby="follow-title"
          onSubmit={(e) => (e.preventDefault(), follow.mutate())}
        >
          <h2 id="follow-title">{t('prt.staff.followUp')}</h2>
          <div className="field">
            <label htmlFor="follow-body">{t('prt.staff.followUp')}</label>
            <textarea
              id="follow-body"
              rows={5}
              maxLength={5000}
              value={followUp}
              onChange={(e) => setFollowUp(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={follow.isPending}>
              {t('prt.staff.sendFollowUp')}
            </button>
          </div>
          {follow.isError ? <ErrorAlert error={follow.error} /> : null}
        </form>
      ) : null}
      {dispose.isSuccess || reject.isSuccess || follow.isSuccess ? (
        <Alert tone="success">{t('prt.staff.saved')}</Alert>
      ) : null}
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
