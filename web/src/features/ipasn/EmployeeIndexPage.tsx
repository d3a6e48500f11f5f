/**
 * /pegawai/indeks/:id — an employee's IP ASN for BKPSDM (anyone) or a supervisor (their team only;
 * the server answers 404 for anyone else). BKPSDM can recompute and store this person's index.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ipAsnApi } from './api.ts';
import './i18n.ts';
import { IndexView } from './IndexView.tsx';

function Recompute({ id }: { id: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: () => ipAsnApi.recomputeEmployee(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ipasn'] }),
  });
  return (
    <div className="actions">
      <button type="button" className="btn" disabled={run.isPending} onClick={() => run.mutate()}>
        {t('ipasn.person.recompute')}
      </button>
      <div role="status">
        {run.isSuccess ? (
          <Alert tone="success">{t('ipasn.person.recomputed', { years: run.data.years.length })}</Alert>
        ) : null}
      </div>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
    </div>
  );
}

function Employee({ id, canRecompute }: { id: string; canRecompute: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['ipasn', 'employee', id], queryFn: () => ipAsnApi.ofEmployee(id), retry: false });
  const name = query.data?.employee.fullName ?? '';
  return (
    <>
      <PageTitle title={t('ipasn.person.otherTitle', { name })}>{t('ipasn.person.otherTitle', { name })}</PageTitle>
      <QueryState query={query}>
        {(data) => (
          <>
            {canRecompute ? <Recompute id={id} /> : null}
            <IndexView data={data} />
          </>
        )}
      </QueryState>
    </>
  );
}

export function EmployeeIndexPage() {
  const { id = '' } = useParams();
  return (
    <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>
      {(me) => <Employee id={id} canRecompute={me.role === 'admin' || me.role === 'training_admin'} />}
    </RequireAuth>
  );
}
