/**
 * /pengaduan/lacak[/:trackingId] — follow a report by its tracking ID without an account: status,
 * who it waits for and until when (working days, late flagged), the thread, and the reporter's
 * reply, reopen or accept.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ReporterReplyBody, TrackingParams } from '../../../../common/contracts/participation.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { participationApi, type Tracked } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type ReporterAction = z.infer<typeof ReporterReplyBody>['action'];
/** The reporter's words (optional); the action comes from the button pressed. */
const ReplyForm = ReporterReplyBody.pick({ body: true });
/** A tracking ID as typed: spaces around it dropped, letters in capitals. */
const LookupForm = TrackingParams.extend({
  trackingId: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    TrackingParams.shape.trackingId,
  ),
});

/** The thread; staff pages add, per entry, its public version and the coordinator's redaction form. */
export function ComplaintThread<E extends Tracked['events'][number]>({
  events,
  extra,
}: {
  events: E[];
  extra?: (e: E) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <ol className="prt-thread">
      {events.map((e, i) => (
        <li key={i} className={e.author === 'reporter' ? 'prt-from-reporter' : undefined}>
          <strong>{t(`prt.events.${e.kind}`)}</strong> · {t(`prt.author.${e.author}`)}
          {e.organization ? ` (${e.organization})` : ''} ·{' '}
          <span className="small muted">{formatWitaDateTime(e.at, lang)}</span>
          {e.body ? <p>{e.body}</p> : null}
          {extra?.(e)}
        </li>
      ))}
    </ol>
  );
}

export function ClockLine({ clock }: { clock: Tracked['clock'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  if (!clock.awaiting) return null;
  return (
    <p>
      {t('prt.track.awaitingNow')}: {t(`prt.awaiting.${clock.awaiting}`)} · {t('prt.track.due')}:{' '}
      {formatCalendarDate(clock.dueOn, lang)}
      {clock.provisionalYear !== null ? (
        <> ({t('prt.track.provisional', { year: clock.provisionalYear })})</>
      ) : null} ·{' '}
      {clock.late ? (
        <span className="prt-late">{t('prt.track.late', { count: clock.lateDays })}</span>
      ) : (
        t('prt.track.onTime')
      )}
    </p>
  );
}

function Report({ trackingId }: { trackingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const report = useQuery({
    queryKey: ['prt', 'track', trackingId],
    queryFn: () => participationApi.track(trackingId),
    retry: false,
  });
  const form = useContractForm(ReplyForm, { body: '' });
  const act = useMutation({
    mutationFn: ({ action, body }: { action: ReporterAction; body: string }) =>
      participationApi.reply(trackingId, action, body),
    onSuccess: (data) => {
      form.reset();
      qc.setQueryData(['prt', 'track', trackingId], data);
    },
    onError: (e) => form.showServerErrors(e),
  });
  const submit = (action: ReporterAction) => form.handleSubmit(({ body }) => act.mutate({ action, body }));
  return (
    <QueryState query={report}>
      {(r) => (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{r.title}</h2>
          <p>
            <span className="badge">{t(`prt.status.${r.status}`)}</span> · {t(`prt.kinds.${r.kind}`)} ·{' '}
            {t(`prt.categories.${r.category}`)} · {t('prt.track.filedAt')} {formatWitaDateTime(r.filedAt, lang)}
          </p>
          {r.organization ? (
            <p>
              {t('prt.track.opd')}: {r.organization.name}
            </p>
          ) : null}
          <ClockLine clock={r.clock} />
          <p className="prt-body">{r.body}</p>
          {r.attachments.length > 0 ? (
            <p className="small">{t('prt.track.attachments', { count: r.attachments.length })}</p>
          ) : null}
          <h3>{t('prt.track.thread')}</h3>
          <ComplaintThread events={r.events} />
          {r.canReply ? (
            <form className="form" noValidate aria-label={t('prt.track.reply')} onSubmit={submit('reply')}>
              <TextField
                label={t('prt.track.reply')}
                maxLength={3000}
                error={form.fieldError('body')}
                {...form.register('body')}
              />
              <div className="actions">
                <button type="submit" className="btn btn--secondary" disabled={act.isPending}>
                  {t('prt.track.sendReply')}
                </button>
                {r.reporterActions.includes('reopen') ? (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    disabled={act.isPending}
                    onClick={submit('reopen')}
                  >
                    {t('prt.track.reopen')}
                  </button>
                ) : null}
                {r.reporterActions.includes('accept') ? (
                  <button
                    type="button"
                    className="btn btn--primary"
                    disabled={act.isPending}
                    onClick={submit('accept')}
                  >
                    {t('prt.track.accept')}
                  </button>
                ) : null}
              </div>
              {act.isSuccess ? <Alert tone="success">{t('prt.track.done')}</Alert> : null}
              {act.isError ? <ErrorAlert error={act.error} /> : null}
            </form>
          ) : null}
        </section>
      )}
    </QueryState>
  );
}

export function ComplaintTrackPage() {
  const { t } = useTranslation();
  const { trackingId } = useParams();
  const navigate = useNavigate();
  const form = useContractForm(LookupForm, { trackingId: trackingId ?? '' });
  return (
    <>
      <PageTitle title={t('prt.track.title')} lead={t('prt.track.lead')}>
        {t('prt.track.title')}
      </PageTitle>
      <ParticipationLinks />
      <form
        className="form filters"
        noValidate
        aria-label={t('prt.track.title')}
        onSubmit={form.handleSubmit((v) => navigate(`/pengaduan/lacak/${encodeURIComponent(v.trackingId)}`))}
      >
        <TextField
          label={t('prt.track.field')}
          autoComplete="off"
          placeholder="PGD-XXXXX-XXXXX"
          error={form.fieldError('trackingId')}
          {...form.register('trackingId')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--primary">
            {t('prt.track.show')}
          </button>
        </div>
      </form>
      {trackingId ? <Report key={trackingId} trackingId={trackingId} /> : null}
    </>
  );
}
