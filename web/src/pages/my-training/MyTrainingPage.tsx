/** /pelatihan/saya — a civil servant's own trainings and the JP they have this year against the 20 JP right. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate, formatWitaDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { developmentApi } from '../../features/development/api.ts';
import { ClaimForm, MyClaims } from '../../features/development/components/Claims.tsx';
import { MyCertificates, MyFeedback } from '../../features/development/components/MyCompletion.tsx';
import { MyTests } from '../../features/development/components/TrainingTests.tsx';
import '../../features/development/development.css';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

function Mine() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  // The JP year is Palu's calendar year (the ledger books completions by their WITA date).
  const year = Number(localDate(new Date()).slice(0, 4));
  const mine = useQuery({
    queryKey: ['dev', 'my-training', year],
    queryFn: () => developmentApi.myTraining(year),
    retry: false,
  });
  return (
    <>
      <PageTitle title={t('dev.mineTraining.title')} lead={t('dev.mineTraining.lead')}>
        {t('dev.mineTraining.title')}
      </PageTitle>
      {mine.isPending ? <Loading label={t('app.loading')} /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} /> : null}
      {mine.data ? (
        <>
          <section className="card" aria-labelledby="jp-progress">
            <h2 id="jp-progress">{t('dev.mineTraining.progress', { ...mine.data.compliance, year })}</h2>
            <progress
              className="dev-progress"
              max={mine.data.compliance.required}
              value={Math.min(mine.data.compliance.jp, mine.data.compliance.required)}
              aria-labelledby="jp-progress"
            />
            {mine.data.compliance.met ? (
              <Alert tone="success">{t('dev.mineTraining.met')}</Alert>
            ) : (
              <Alert tone="info">{t('dev.mineTraining.short', { short: mine.data.compliance.short })}</Alert>
            )}
          </section>
          <section className="card" aria-labelledby="my-trainings">
            <h2 id="my-trainings">{t('dev.mineTraining.trainings')}</h2>
            {mine.data.enrollments.length === 0 ? <p>{t('dev.mineTraining.none')}</p> : null}
            <ul className="plain">
              {mine.data.enrollments.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}</strong> ({e.batchName}) · {formatCalendarDate(e.startsOn, lang)} –{' '}
                  {formatCalendarDate(e.endsOn, lang)} · {e.venue} · {t('dev.training.jp', { count: e.jp })} ·{' '}
                  <span className="badge">{t(`dev.batch.states.${e.status}`)}</span>
                </li>
              ))}
            </ul>
          </section>
          <MyTests />
          <MyCertificates mine={mine.data} />
          <MyFeedback mine={mine.data} />
          <ClaimForm />
          <MyClaims claims={mine.data.claims} />
          <section className="card" aria-labelledby="my-ledger">
            <h2 id="my-ledger">{t('dev.mineTraining.ledger')}</h2>
            {mine.data.ledger.length === 0 ? <p>{t('dev.mineTraining.noLedger')}</p> : null}
            <ul className="plain">
              {mine.data.ledger.map((l) => (
                <li key={l.id}>
                  {l.year}: {t('dev.training.jp', { count: l.jp })} — {l.title}{' '}
                  <span className="small muted">({formatWitaDate(l.recordedAt, lang)})</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

export function MyTrainingPage() {
  return <RequireAuth>{() => <Mine />}</RequireAuth>;
}
