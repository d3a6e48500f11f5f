/** /verifikasi — the verification queue: period, counts, "Ambil 10 berkas", filters, table. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { PeriodPicker, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { recKey, useLang, useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Queue as QueueData, QueueItem } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import '../../features/recruitment/i18n.ts';

const STATUSES = ['submitted', 'ms', 'tms', 'objection_filed', 'tms_final'] as const;
const PAGE_SIZE = 25;

/** A verifier takes the next ten unassigned files of the period. */
function ClaimBatch({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const claim = useMutation({
    mutationFn: () => recruitmentApi.claim({ periodId, count: 10 }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...recKey, 'queue'] }),
  });
  return (
    <>
      <button type="button" className="btn btn--primary" disabled={claim.isPending} onClick={() => claim.mutate()}>
        {t('rec.ver.claim')}
      </button>
      {claim.isSuccess ? (
        <Alert tone={claim.data.claimed > 0 ? 'success' : 'info'}>
          {claim.data.claimed > 0 ? t('rec.ver.claimed', { count: claim.data.claimed }) : t('rec.ver.claimedNone')}
        </Alert>
      ) : null}
      {claim.isError ? <ErrorAlert error={claim.error} /> : null}
    </>
  );
}

function Queue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const periods = useStaffPeriods();
  const [periodChoice, setPeriodChoice] = useState('');
  const periodId = periodChoice || periods.data?.periods[0]?.id || '';
  const [mine, setMine] = useState(me.role === 'verifier');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const queue = useQuery({
    queryKey: [...recKey, 'queue', periodId, mine, status, page],
    queryFn: () => recruitmentApi.queue({ periodId, mine, status: status || undefined, page }),
    enabled: Boolean(periodId),
    // Keep the last page (and the pager, with focus) on screen while the next page of the same list loads.
    placeholderData: (prev, prevQuery) =>
      prevQuery &&
      JSON.stringify(prevQuery.queryKey.slice(0, -1)) === JSON.stringify([...recKey, 'queue', periodId, mine, status])
        ? prev
        : undefined,
  });
  const counts = queue.data?.counts;
  // The server counts the rows matching the filters (status and "mine"), so paging is exact.
  const total = queue.data?.total ?? 0;

  return (
    <>
      <PageTitle title={t('rec.ver.title')} lead={t('rec.ver.lead')}>
        {t('rec.ver.title')}
      </PageTitle>
      <QueryState query={periods}>
        {(d) => (d.periods.length === 0 ? <Alert>{t('rec.common.noPeriods')}</Alert> : null)}
      </QueryState>
      {periods.data && periods.data.periods.length > 0 ? (
        <>
          <section className="card" aria-labelledby="counts-title">
            <h2 id="counts-title">{t('rec.ver.counts')}</h2>
            <PeriodPicker
              periods={periods.data.periods}
              value={periodId}
              onChange={(v) => {
                setPeriodChoice(v);
                setPage(1);
              }}
            />
            {counts ? <QueueCounts counts={counts} /> : null}
            {me.role === 'verifier' ? <ClaimBatch periodId={periodId} /> : null}
          </section>
          <section className="card" aria-labelledby="queue-title">
            <h2 id="queue-title">{t('rec.ver.tableLabel')}</h2>
            <div className="rec-row">
              {me.role === 'verifier' ? (
                <CheckboxField
                  label={t('rec.ver.mine')}
                  checked={mine}
                  onChange={(e) => {
                    setMine(e.target.checked);
                    setPage(1);
                  }}
                />
              ) : null}
              <SelectField
                label={t('rec.ver.status')}
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value);
                  setPage(1);
                }}
              >
                <option value="">{t('rec.common.all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`rec.status.${s}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <QueryState query={queue} isEmpty={(d) => d.applications.length === 0} empty={t('rec.ver.empty')}>
              {(d) => <QueueTable applications={d.applications} />}
            </QueryState>
            <Pager page={page} total={total} pageSize={PAGE_SIZE} onPage={setPage} />
          </section>
        </>
      ) : null}
    </>
  );
}

/** How many files are in each state, unassigned, and awaiting review. */
function QueueCounts({ counts }: { counts: QueueData['counts'] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--inline">
      {STATUSES.map((s) => (
        <div key={s}>
          <dt>{t(`rec.status.${s}`)}</dt>
          <dd>{counts.byStatus[s] ?? 0}</dd>
        </div>
      ))}
      <div>
        <dt>{t('rec.ver.unassigned')}</dt>
        <dd>{counts.unassigned}</dd>
      </div>
      <div>
        <dt>{t('rec.ver.awaitingReview')}</dt>
        <dd>{counts.awaitingReview}</dd>
      </div>
    </dl>
  );
}

/** One page of the queue, each file linking to its verification page. */
function QueueTable({ applications }: { applications: QueueItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      label={t('rec.ver.tableLabel')}
      rows={applications}
      rowKey={(a) => a.id}
      columns={[
        {
          key: 'no',
          header: t('rec.mine.registrationNo'),
          cell: (a) => (
            <Link to={`/verifikasi/${a.id}`} aria-label={t('rec.ver.openFile', { no: a.registrationNo })}>
              <span className="mono">{a.registrationNo}</span>
            </Link>
          ),
        },
        { key: 'name', header: t('rec.ver.applicant'), cell: (a) => a.fullName },
        {
          key: 'formation',
          header: t('rec.app.formation'),
          cell: (a) => (
            <>
              {a.jabatan} <span className="muted small">({a.formationCode})</span>
            </>
          ),
        },
        { key: 'status', header: t('rec.ver.status'), cell: (a) => <StatusBadge status={a.status} /> },
        {
          key: 'proposed',
          header: t('rec.ver.proposed'),
          cell: (a) => (a.proposedVerdict ? <StatusBadge status={a.proposedVerdict} /> : '—'),
        },
        {
          key: 'submitted',
          header: t('rec.card.submittedAt'),
          className: 'nowrap',
          cell: (a) => formatDateTime(a.submittedAt, lang),
        },
      ]}
    />
  );
}

export function VerificationQueuePage() {
  return <RequireAuth roles={['verifier', 'committee']}>{(me) => <Queue me={me} />}</RequireAuth>;
}
