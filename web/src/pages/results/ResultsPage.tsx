/** /hasil — public list of selection periods, each linking to its published results. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { usePublicPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/selection/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/selection/i18n.ts';

export function ResultsPage() {
  const { t } = useTranslation();
  const periods = usePublicPeriods();
  return (
    <>
      <PageTitle title={t('sel.pub.periodsTitle')} lead={t('sel.pub.periodsLead')}>
        {t('sel.pub.periodsTitle')}
      </PageTitle>
      {periods.isPending ? <Loading label={t('app.loading')} /> : null}
      {periods.isError ? <ErrorAlert error={periods.error} /> : null}
      {periods.data && periods.data.periods.length === 0 ? <Alert>{t('sel.pub.noPeriods')}</Alert> : null}
      {periods.data && periods.data.periods.length > 0 ? (
        <section className="card">
          <ul className="link-list">
            {periods.data.periods.map((p) => (
              <li key={p.id}>
                <Link to={`/hasil/${p.id}`}>{t('sel.pub.viewResults', { name: p.name })}</Link>{' '}
                <span className="muted small">({p.code})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
