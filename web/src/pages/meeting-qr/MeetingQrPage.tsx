/**
 * /pelatihan/pertemuan/:id — the facilitator's screen: the meeting's attendance QR, large enough
 * for a hall, changing every 30 seconds (fetched again when it turns), with the time left and the
 * link it carries. Participants scan it with their phone, signed in.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { completionApi } from '../../features/development/completion-api.ts';
import '../../features/development/development.css';
import '../../features/development/i18n-completion.ts';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Screen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { id = '' } = useParams();
  const qr = useQuery({
    queryKey: ['dev', 'qr', id],
    queryFn: () => completionApi.qr(id),
    refetchInterval: 5_000,
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const expiresAt = qr.data ? new Date(qr.data.expiresAt).getTime() : 0;
  const { refetch } = qr;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, expiresAt - Date.now()) + 150);
    return () => clearTimeout(timer);
  }, [expiresAt, refetch]);
  const title = qr.data
    ? `${t('devc.meetings.label', { seq: qr.data.meeting.seq })}: ${qr.data.meeting.title}`
    : t('devc.qr.title');
  return (
    <>
      <PageTitle
        title={title}
        lead={
          qr.data
            ? `${qr.data.meeting.programTitle} (${qr.data.meeting.batchName}) · ${formatWitaDateTime(qr.data.meeting.startsAt, lang)} – ${formatWitaDateTime(qr.data.meeting.endsAt, lang)}`
            : undefined
        }
      >
        {title}
      </PageTitle>
      <QueryState query={qr}>
        {(d) => (
          <section className="card dev-qr" aria-labelledby="qr-title">
            <h2 id="qr-title">{t('devc.qr.scanNow')}</h2>
            {!d.open ? <Alert tone="warning">{t('devc.qr.closed')}</Alert> : null}
            <img
              className="dev-qr-img"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(d.svg)}`}
              alt={t('devc.qr.alt', { seq: d.meeting.seq, seconds: d.windowSeconds })}
              width={360}
              height={360}
            />
            <p className="dev-qr-countdown" aria-hidden="true">
              {t('devc.qr.changesIn', { seconds: Math.max(0, Math.ceil((expiresAt - now) / 1000)) })}
            </p>
            <p className="small">{t('devc.qr.how', { seconds: d.windowSeconds })}</p>
            <p className="small">
              <a href={d.url} className="dev-qr-link">
                {t('devc.qr.link')}
              </a>
            </p>
            <p>
              <Link to={`/pelatihan/angkatan/${d.meeting.batchId}`}>{t('devc.qr.back')}</Link>
            </p>
          </section>
        )}
      </QueryState>
    </>
  );
}

export function MeetingQrPage() {
  return <RequireAuth roles={['training_admin']}>{() => <Screen />}</RequireAuth>;
}
