/**
 * /admin/pekerjaan-latar — background jobs whose retries ran out (issue 28 §3): which job, the last
 * error, how many attempts and when; "Run again" retries one (audited on the server).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { JOB_NAMES } from '../../../../common/contracts/jobs.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { type FailedJob, jobsApi } from './api.ts';
import './i18n.ts';

const KEY = ['jobs', 'failed'];

function FailedJobs() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: jobsApi.failed });
  const retry = useMutation({
    mutationFn: jobsApi.retry,
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const nameOf = (n: string) => ((JOB_NAMES as readonly string[]).includes(n) ? t(`jobs.names.${n}`) : n);
  const columns: Column<FailedJob>[] = [
    { key: 'name', header: t('jobs.colName'), cell: (j) => nameOf(j.name), rowHeader: true },
    { key: 'detail', header: t('jobs.colDetail'), cell: (j) => <span className="break">{j.detail ?? '—'}</span> },
    { key: 'error', header: t('jobs.colError'), cell: (j) => <span className="break">{j.error ?? '—'}</span> },
    { key: 'attempts', header: t('jobs.colAttempts'), cell: (j) => j.attempts, className: 'num' },
    {
      key: 'time',
      header: t('jobs.colTime'),
      cell: (j) => formatWitaDateTime(j.failedAt ?? j.createdAt, lang),
      className: 'nowrap',
    },
    {
      key: 'retry',
      header: t('jobs.retry'),
      cell: (j) => (
        <button
          type="button"
          className="btn btn--secondary btn--small"
          disabled={retry.isPending}
          aria-label={`${t('jobs.retry')}: ${nameOf(j.name)}${j.detail ? ` (${j.detail})` : ''}`}
          onClick={() => retry.mutate({ name: j.name, id: j.id })}
        >
          {retry.isPending && retry.variables?.id === j.id ? t('jobs.retrying') : t('jobs.retry')}
        </button>
      ),
    },
  ];
  return (
    <>
      <PageTitle title={t('jobs.title')} lead={t('jobs.intro')}>
        {t('jobs.title')}
      </PageTitle>
      <p>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => void list.refetch()}
          disabled={list.isFetching}
        >
          {t('jobs.refresh')}
        </button>
      </p>
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {retry.isSuccess ? <Alert tone="success">{t('jobs.retried')}</Alert> : null}
      <QueryState query={list} isEmpty={(d) => d.jobs.length === 0} empty={t('jobs.empty')}>
        {(d) => <DataTable label={t('jobs.tableLabel')} columns={columns} rows={d.jobs} rowKey={(j) => j.id} />}
      </QueryState>
    </>
  );
}

export function JobsPage() {
  return <RequireAuth roles={['admin']}>{() => <FailedJobs />}</RequireAuth>;
}
