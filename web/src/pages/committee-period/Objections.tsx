import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { Fact, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { recKey, useLang } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';
import { AnswerForm } from './AnswerForm.tsx';
import '../../features/recruitment/i18n.ts';

export function Objections({ period, me }: { period: Period; me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({
    queryKey: [...recKey, 'objections', period.id],
    queryFn: () => recruitmentApi.objections(period.id),
  });
  return (
    <section className="card" aria-labelledby="obj-title">
      <h2 id="obj-title">{t('rec.com.objections')}</h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.objections.length === 0 ? <p>{t('rec.com.noObjections')}</p> : null}
      <ul className="rec-cards">
        {list.data?.objections.map((o) => (
          <li key={o.id}>
            <h3>
              <span className="mono">{o.registrationNo}</span> — {o.fullName} <StatusBadge status={o.status} />{' '}
              {o.overdue ? <span className="badge badge--warn">{t('rec.com.overdue')}</span> : null}
            </h3>
            <dl className="facts facts--inline">
              <Fact label={t('rec.app.objectionReason')}>
                <span className="rec-pre">{o.reason}</span>
              </Fact>
              <Fact label={t('rec.app.deadline')}>{formatDateTime(o.deadlineAt, lang)}</Fact>
              {o.response ? <Fact label={t('rec.app.response')}>{o.response}</Fact> : null}
            </dl>
            <p className="small">
              <Link to={`/verifikasi/${o.applicationId}`}>{t('rec.ver.openFile', { no: o.registrationNo })}</Link>
              {o.hasEvidence ? (
                <>
                  {' · '}
                  <a href={recruitmentApi.objectionEvidenceUrl(o.id)} download>
                    {t('rec.com.evidence')}
                  </a>
                </>
              ) : null}
            </p>
            {o.status === 'filed' && me.role === 'committee' ? <AnswerForm o={o} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
