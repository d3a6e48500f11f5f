/** Policy follow-up pieces shared by the staff and public pages: the progress line and the milestone timeline. */
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import type { MilestoneView, PolicyView } from './api.ts';
import './i18n.ts';

export function Progress({ progress, id }: { progress: PolicyView['progress']; id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p id={id}>
        {t('skp.policy.progress', {
          ...progress,
          late: progress.late > 0 ? t('skp.policy.lateCount', { count: progress.late }) : '',
        })}
      </p>
      <progress className="skp-progress" max={100} value={progress.percent} aria-labelledby={id} />
    </>
  );
}

export function MilestoneLine({
  m,
  organization,
  publicView,
}: {
  m: MilestoneView;
  organization: string;
  publicView: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <>
      <strong>{m.title}</strong> · {t('skp.policy.due', { date: formatCalendarDate(m.dueOn, lang) })}
      {m.deadline !== m.dueOn
        ? ` (${t('skp.policy.deadlineShift', { date: formatCalendarDate(m.deadline, lang) })})`
        : ''}{' '}
      · <span className={m.status === 'done' ? 'badge badge--ok' : 'badge'}>{t(`skp.policy.status.${m.status}`)}</span>
      {m.late ? (
        <>
          {' '}
          <span className="badge badge--warn">{t('skp.policy.lateBadge', { count: m.workingDaysLate })}</span>
        </>
      ) : null}
      {m.doneOn ? ` · ${t('skp.policy.doneOn', { date: formatCalendarDate(m.doneOn, lang) })}` : ''}
      {m.evidenceUrl ? (
        <>
          {' · '}
          <a href={m.evidenceUrl} rel="noopener noreferrer" target="_blank">
            {t('skp.policy.evidence')}
          </a>
        </>
      ) : null}
      {m.lateAnswer ? (
        <p className="small">{t('skp.policy.lateAnswerPublic', { org: organization, text: m.lateAnswer })}</p>
      ) : m.late && publicView ? (
        <p className="small muted">{t('skp.policy.noAnswer')}</p>
      ) : null}
    </>
  );
}

/** Every milestone of a policy by deadline, marked done or late. */
export function Timeline({ policy, publicView }: { policy: PolicyView; publicView: boolean }) {
  const all = policy.actions
    .flatMap((a) => a.milestones.map((m) => ({ m, a })))
    .sort((x, y) => x.m.dueOn.localeCompare(y.m.dueOn));
  return (
    <ol className="skp-timeline">
      {all.map(({ m, a }) => (
        <li key={m.id} className={m.status === 'done' ? 'is-done' : m.late ? 'is-late' : ''}>
          <span className="small muted">
            {a.organization.name} — {a.title}
          </span>
          <br />
          <MilestoneLine m={m} organization={a.organization.name} publicView={publicView} />
        </li>
      ))}
    </ol>
  );
}
