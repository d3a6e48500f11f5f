/** /disiplin/pegawai/:id — one employee's whole disciplinary history, for BKPSDM (the read is audited). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { disciplineApi } from './api.ts';
import { RecordsTable } from './components.tsx';
import './i18n.ts';

function Panel({ id }: { id: string }) {
  const { t } = useTranslation();
  const panel = useQuery({ queryKey: ['disc', 'employee', id], queryFn: () => disciplineApi.ofEmployee(id) });
  return (
    <QueryState query={panel}>
      {(d) => (
        <>
          <PageTitle title={t('disc.panelOf', { name: d.employee.fullName })}>
            {t('disc.panelOf', { name: d.employee.fullName })}
          </PageTitle>
          <p className="muted">
            <span className="mono">{d.employee.nip}</span> · {d.employee.organization.name}
          </p>
          <p className="actions">
            <Link className="btn btn--primary" to={`/disiplin/baru?nip=${d.employee.nip}`}>
              {t('disc.newRecord')}
            </Link>
            <Link to="/disiplin">{t('disc.form.back')}</Link>
          </p>
          <section className="card" aria-labelledby="panel-title">
            <h2 id="panel-title">{t('disc.count', { count: d.records.length })}</h2>
            {d.records.length === 0 ? (
              <p>{t('disc.empty')}</p>
            ) : (
              <RecordsTable records={d.records} withEmployee={false} />
            )}
          </section>
        </>
      )}
    </QueryState>
  );
}

function Page() {
  const { id } = useParams();
  return <Panel id={id!} />;
}

export function EmployeeDisciplinePage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <Page />}</RequireAuth>;
}
