/** /pegawai/saya — the signed-in civil servant's own record, as BKPSDM keeps it. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { developmentApi } from '../../features/development/api.ts';
import { appointmentApi } from '../../features/development/appointment-api.ts';
import { ProbationCard } from '../../features/development/components/Probation.tsx';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

function Mine() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const me = useQuery({ queryKey: ['dev', 'mine'], queryFn: developmentApi.mine, retry: false });
  const probation = useQuery({ queryKey: ['dev', 'my-probation'], queryFn: appointmentApi.mine, retry: false });
  return (
    <>
      <PageTitle title={t('dev.mine.title')} lead={t('dev.mine.lead')}>
        {t('dev.mine.title')}
      </PageTitle>
      {me.isPending ? <Loading label={t('app.loading')} /> : null}
      {me.isError ? <ErrorAlert error={me.error} /> : null}
      {me.data ? (
        <section className="card" aria-labelledby="mine-name">
          <h2 id="mine-name">{me.data.fullName}</h2>
          <dl className="facts">
            <div>
              <dt>{t('dev.list.nip')}</dt>
              <dd className="mono">{me.data.nip}</dd>
            </div>
            <div>
              <dt>{t('dev.list.status')}</dt>
              <dd>{t(`dev.status.${me.data.status}`)}</dd>
            </div>
            <div>
              <dt>{t('dev.mine.tmt')}</dt>
              <dd>{formatCalendarDate(me.data.tmt, lang)}</dd>
            </div>
            <div>
              <dt>{t('dev.mine.birthDate')}</dt>
              <dd>{formatCalendarDate(me.data.birthDate, lang)}</dd>
            </div>
            <div>
              <dt>{t('dev.mine.gender')}</dt>
              <dd>{t(`dev.gender.${me.data.gender}`)}</dd>
            </div>
            <div>
              <dt>{t('dev.mine.organization')}</dt>
              <dd>{me.data.organization.name}</dd>
            </div>
            <div>
              <dt>{t('dev.list.unit')}</dt>
              <dd>{me.data.unit || '—'}</dd>
            </div>
            <div>
              <dt>{t('dev.list.jabatan')}</dt>
              <dd>
                {me.data.jabatan} ({t(`dev.jabatanKind.${me.data.jabatanKind}`)}
                {me.data.jenjang ? `, ${me.data.jenjang}` : ''})
              </dd>
            </div>
            <div>
              <dt>{t('dev.list.golongan')}</dt>
              <dd>{me.data.golongan}</dd>
            </div>
            <div>
              <dt>{t('dev.list.supervisor')}</dt>
              <dd>
                {me.data.supervisor
                  ? `${me.data.supervisor.fullName} (${me.data.supervisor.nip})`
                  : t('dev.mine.noSupervisor')}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
      {probation.data?.probation ? <ProbationCard row={probation.data.probation} /> : null}
    </>
  );
}

export function MyEmployeePage() {
  return <RequireAuth>{() => <Mine />}</RequireAuth>;
}
