import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { StatusBadge } from '../../features/recruitment/components/bits.tsx';
import '../../features/home/i18n.ts';
import { recKey, useLang } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import '../../features/recruitment/i18n.ts';

/** Approve or reject another committee member's proposal (two-person rule). */
function DecideButtons({ busy, onDecide }: { busy: boolean; onDecide: (approve: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="btn btn--primary btn--small" disabled={busy} onClick={() => onDecide(true)}>
        {t('rec.com.approveAnn')}
      </button>
      <button type="button" className="btn btn--secondary btn--small" disabled={busy} onClick={() => onDecide(false)}>
        {t('rec.com.rejectAnn')}
      </button>
    </div>
  );
}

export function Announcements({ period, me }: { period: Period; me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: [...recKey, 'announcements', period.id],
    queryFn: () => recruitmentApi.announcements(period.id),
  });
  const propose = useMutation({
    mutationFn: (stage: 'administration' | 'reannouncement') =>
      recruitmentApi.proposeAnnouncement(period.id, { stage, note: null }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const decide = useMutation({
    mutationFn: (x: { id: string; approve: boolean }) =>
      recruitmentApi.decideAnnouncement(x.id, { approve: x.approve, note: null }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const isCommittee = me.role === 'committee';
  return (
    <section className="card" aria-labelledby="ann-title">
      <h2 id="ann-title">{t('rec.com.announcements')}</h2>
      <Alert tone="info">{t('rec.com.twoPerson')}</Alert>
      {propose.isSuccess ? <Alert tone="success">{t('rec.com.proposed')}</Alert> : null}
      {propose.isError ? <ErrorAlert error={propose.error} /> : null}
      {decide.isSuccess ? (
        <Alert tone="success">{t('rec.com.published', { count: decide.data.published })}</Alert>
      ) : null}
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {isCommittee ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={propose.isPending}
            onClick={() => propose.mutate('administration')}
          >
            {t('rec.com.proposeAdmin')}
          </button>
          <button
            type="button"
            className="btn btn--secondary"
            disabled={propose.isPending}
            onClick={() => propose.mutate('reannouncement')}
          >
            {t('rec.com.proposeRe')}
          </button>
        </div>
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <p className="small">
        <a href={recruitmentApi.outcomesXlsxUrl(period.id)} download>
          {t('hm.outputs.outcomesXlsx')}
        </a>
      </p>
      {list.data && list.data.announcements.length === 0 ? <p>{t('rec.com.noAnnouncements')}</p> : null}
      <ul className="rec-cards">
        {list.data?.announcements.map((a) => (
          <li key={a.id}>
            <h3>
              {a.stage === 'administration' ? t('rec.com.stageAdministration') : t('rec.com.stageReannouncement')}{' '}
              <StatusBadge status={a.status} />
            </h3>
            <p className="small">{formatDateTime(a.proposedAt, lang)}</p>
            {a.summary ? (
              <p className="small">
                MS {a.summary.ms} · TMS {a.summary.tms}
              </p>
            ) : null}
            {a.status === 'published' ? (
              <p className="small">
                <a href={recruitmentApi.announcementPdfUrl(a.id)} download>
                  {t('hm.outputs.announcementPdf')}
                </a>
              </p>
            ) : null}
            {a.status === 'proposed' && a.proposedBy === me.id ? (
              <p className="small strong">{t('rec.com.yours')}</p>
            ) : null}
            {a.status === 'proposed' && a.proposedBy !== me.id && isCommittee ? (
              <DecideButtons busy={decide.isPending} onDecide={(approve) => decide.mutate({ id: a.id, approve })} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
