/** A list of findings with their deadline, answer and lateness (public page, observer and committee views). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../../common/rules/wita.ts';
import type { Finding } from '../api.ts';
import '../i18n-redact.ts';
import '../i18n.ts';

export function FindingList({ findings, extra }: { findings: Finding[]; extra?: (f: Finding) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  if (findings.length === 0) return <p>{t('prt.obs.noFindings')}</p>;
  return (
    <ul className="rec-cards">
      {findings.map((f) => (
        <li key={f.id}>
          <article className="card" aria-labelledby={`finding-${f.id}`}>
            <h3 id={`finding-${f.id}`}>{f.title}</h3>
            <p className="small">
              {f.organizationName} · {f.periodName} · {t(`prt.obs.stagesList.${f.stage}`)} ·{' '}
              {formatCalendarDate(f.filedOn, lang)} · {t('prt.obs.due', { date: formatCalendarDate(f.dueOn, lang) })}
              {f.answeredOn ? ` · ${t('prt.obs.answered', { date: formatCalendarDate(f.answeredOn, lang) })}` : ''}
              {f.late ? <span className="prt-late"> · {t('prt.obs.late')}</span> : null}
            </p>
            <p className="prt-body">{f.body}</p>
            {f.answer ? (
              <p>
                <strong>{t('prt.obs.answer')}:</strong> {f.answer}
              </p>
            ) : null}
            {/* Staff and the observer read the original; they also see what the public reads when it differs. */}
            {f.answer && f.publicAnswer && f.publicAnswer !== f.answer ? (
              <p className="small">
                <strong>{t('prtr.publicVersion')}:</strong> {f.publicAnswer}
              </p>
            ) : null}
            {extra?.(f)}
          </article>
        </li>
      ))}
    </ul>
  );
}
