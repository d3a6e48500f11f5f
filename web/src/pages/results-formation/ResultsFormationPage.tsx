/**
 * /hasil/:periodId/formasi/:code — one formation's published results: SKD table (masked names,
 * subtests, total, rank, BKN code), the final table when published, the code legend and the
 * distribution of SKD totals.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { CodeBadge, CodeLegend } from '../../features/selection/components/bits.tsx';
import { ScoreChart } from '../../features/selection/components/ScoreChart.tsx';
import { useFormationResults } from '../../features/selection/hooks.ts';
import '../../features/selection/selection.css';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import '../../features/selection/i18n.ts';

const dash = (v: number | string | null) => (v === null || v === '' ? '—' : v);

export function ResultsFormationPage() {
  const { t } = useTranslation();
  const { periodId = '', code = '' } = useParams();
  const res = useFormationResults(periodId, code);
  const notPublished = res.error instanceof ApiError && res.error.status === 404;
  const data = res.data;
  return (
    <>
      <p className="small">
        <Link to={`/hasil/${periodId}`}>{t('sel.formation.back')}</Link>
      </p>
      <PageTitle title={t('sel.formation.title', { code })} lead={t('sel.formation.lead')}>
        {t('sel.formation.title', { code })}
      </PageTitle>
      {res.isPending ? <Loading label={t('app.loading')} /> : null}
      {notPublished ? <Alert>{t('sel.formation.notPublished')}</Alert> : null}
      {res.isError && !notPublished ? <ErrorAlert error={res.error} /> : null}
      {data ? (
        <>
          {data.final ? (
            <section className="card" aria-labelledby="final-title">
              <h2 id="final-title">{t('sel.formation.finalTitle', { version: data.finalVersion })}</h2>
              <DataTable
                label={t('sel.formation.finalTable', { code })}
                rows={data.final}
                rowKey={(r) => r.participantNo}
                columns={[
                  { key: 'rank', header: t('sel.formation.rank'), className: 'num', cell: (r) => dash(r.rank) },
                  {
                    key: 'no',
                    header: t('sel.formation.participantNo'),
                    className: 'mono',
                    cell: (r) => r.participantNo,
                  },
                  { key: 'name', header: t('sel.formation.name'), className: 'nowrap', cell: (r) => r.maskedName },
                  { key: 'skd', header: t('sel.formation.skdTotal'), className: 'num', cell: (r) => r.skdTotal },
                  { key: 'skb', header: t('sel.formation.skb'), className: 'num', cell: (r) => dash(r.skb) },
                  {
                    key: 'final',
                    header: t('sel.formation.finalScore'),
                    className: 'num',
                    cell: (r) => dash(r.finalScore),
                  },
                  { key: 'result', header: t('sel.formation.result'), cell: (r) => <CodeBadge code={r.result} /> },
                ]}
              />
            </section>
          ) : null}
          <section className="card" aria-labelledby="skd-title">
            <h2 id="skd-title">{t('sel.formation.skdTitle', { version: data.skdVersion })}</h2>
            <ScoreChart bins={data.histogram} formationCode={data.formationCode} />
            <DataTable
              label={t('sel.formation.skdTable', { code })}
              rows={data.skd}
              rowKey={(r) => r.participantNo}
              columns={[
                { key: 'rank', header: t('sel.formation.rank'), className: 'num', cell: (r) => dash(r.rank) },
                {
                  key: 'no',
                  header: t('sel.formation.participantNo'),
                  className: 'mono',
                  cell: (r) => r.participantNo,
                },
                { key: 'name', header: t('sel.formation.name'), className: 'nowrap', cell: (r) => r.maskedName },
                { key: 'twk', header: t('sel.formation.twk'), className: 'num', cell: (r) => dash(r.twk) },
                { key: 'tiu', header: t('sel.formation.tiu'), className: 'num', cell: (r) => dash(r.tiu) },
                { key: 'tkp', header: t('sel.formation.tkp'), className: 'num', cell: (r) => dash(r.tkp) },
                { key: 'total', header: t('sel.formation.total'), className: 'num', cell: (r) => dash(r.total) },
                { key: 'code', header: t('sel.formation.code'), cell: (r) => <CodeBadge code={r.code} /> },
              ]}
            />
          </section>
          <div className="card">
            <CodeLegend codes={data.final ? ['P/L', 'P', 'TL', 'TH', 'L'] : ['P/L', 'P', 'TL', 'TH']} />
          </div>
        </>
      ) : null}
    </>
  );
}
