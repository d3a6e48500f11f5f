/**
 * /pegawai/masa-percobaan — every CPNS's one-year probation (BKPSDM: all; a supervisor: their
 * unit), riskiest first: the deadline, days left, the Latsar seat, and reminders for those at risk.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { daysLeftWords } from '../../../../common/rules/days-left.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { appointmentApi } from '../../features/development/appointment-api.ts';
import '../../features/development/development.css';
import '../../features/development/i18n-completion.ts';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Probation({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['dev', 'probation'], queryFn: appointmentApi.probation });
  const remind = useMutation({
    mutationFn: appointmentApi.remind,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['dev'] }),
  });
  const bkpsdm = me.role === 'admin' || me.role === 'training_admin';
  return (
    <>
      <PageTitle title={t('devc.probation.title')} lead={t('devc.probation.lead')}>
        {t('devc.probation.title')}
      </PageTitle>
      <QueryState query={list} isEmpty={(d) => d.rows.length === 0} empty={t('devc.probation.none')}>
        {(d) => (
          <section className="card" aria-labelledby="probation-list">
            <h2 id="probation-list">{t('devc.probation.count', { count: d.rows.length })}</h2>
            {d.atRisk > 0 ? (
              <Alert tone="error" title={t('devc.probation.atRiskTitle', { count: d.atRisk })}>
                <p>{t('devc.probation.atRiskLead')}</p>
              </Alert>
            ) : (
              <Alert tone="success">{t('devc.probation.allFine')}</Alert>
            )}
            {bkpsdm && d.atRisk > 0 ? (
              <div className="actions">
                <button
                  type="button"
                  className="btn btn--secondary"
                  disabled={remind.isPending}
                  onClick={() => remind.mutate()}
                >
                  {t('devc.probation.remind')}
                </button>
              </div>
            ) : null}
            {remind.isError ? <ErrorAlert error={remind.error} /> : null}
            {remind.isSuccess ? (
              <Alert tone="success">{t('devc.probation.reminded', { count: remind.data.reminded })}</Alert>
            ) : null}
            <DataTable
              label={t('devc.probation.table')}
              rows={d.rows}
              rowKey={(r) => r.employee.id}
              columns={[
                { key: 'name', header: t('dev.list.name'), cell: (r) => r.employee.fullName },
                { key: 'nip', header: t('dev.list.nip'), className: 'mono', cell: (r) => r.employee.nip },
                { key: 'org', header: t('dev.list.organization'), cell: (r) => r.employee.organization.name },
                { key: 'tmt', header: t('dev.mine.tmt'), cell: (r) => formatCalendarDate(r.tmt, lang) },
                {
                  key: 'deadline',
                  header: t('devc.probation.deadline'),
                  cell: (r) => formatCalendarDate(r.deadline, lang),
                },
                {
                  key: 'left',
                  header: t('devc.probation.daysLeft'),
                  className: 'num',
                  cell: (r) => daysLeftWords(r.daysLeft, lang),
                },
                {
                  key: 'latsar',
                  header: t('devc.probation.latsarCol'),
                  cell: (r) =>
                    r.latsar ? (
                      <Link
                        to={`/pelatihan/angkatan/${r.latsar.batchId}`}
                      >{`${r.latsar.batchName} · ${t(`dev.batch.states.${r.latsar.status}`)}`}</Link>
                    ) : (
                      t('devc.probation.noLatsar')
                    ),
                },
                {
                  key: 'state',
                  header: t('dev.batch.state'),
                  cell: (r) => (
                    <span className={`badge ${r.state === 'passed' || r.state === 'on_track' ? 'badge--ok' : ''}`}>
                      {t(`devc.probation.states.${r.state}`)}
                    </span>
                  ),
                },
              ]}
            />
          </section>
        )}
      </QueryState>
    </>
  );
}

export function ProbationPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Probation me={me} />}</RequireAuth>;
}
