/** A CPNS's probation at a glance: the deadline, days left, Latsar, and the alert when at risk. */
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../../common/rules/wita.ts';
import { Alert } from '../../../ui/Alert.tsx';
import type { ProbationRow } from '../appointment-api.ts';
import '../i18n-completion.ts';
import '../i18n.ts';

export const riskTone = (s: ProbationRow['state']) =>
  (s === 'passed' ? 'success' : s === 'on_track' ? 'info' : 'error') as 'success' | 'info' | 'error';

export function ProbationCard({ row }: { row: ProbationRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="probation-title">
      <h2 id="probation-title">{t('devc.probation.mine', { date: formatCalendarDate(row.deadline, lang) })}</h2>
      <Alert tone={riskTone(row.state)} title={t(`devc.probation.states.${row.state}`)}>
        <p>{row.reason[lang]}</p>
      </Alert>
      <p className="small">{t('devc.probation.rule')}</p>
      {row.latsar ? (
        <p>
          {t('devc.probation.latsar', {
            program: row.latsar.programTitle,
            batch: row.latsar.batchName,
            state: t(`dev.batch.states.${row.latsar.status}`),
          })}
        </p>
      ) : null}
    </section>
  );
}
