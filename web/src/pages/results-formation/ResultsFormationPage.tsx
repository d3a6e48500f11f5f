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
import { TableWrap } from '../../ui/TableWrap.tsx';

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
              <TableWrap label={t('sel.formation.finalTable', { code })}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t('sel.formation.rank')}</th>
                      <th scope="col">{t('sel.formation.participantNo')}</th>
                      <th scope="col">{t('sel.formation.name')}</th>
                      <th scope="col" className="num">{t('sel.formation.skdTotal')}</th>
                      <th scope="col" className="num">{t('sel.formation.skb')}</th>
                      <th scope="col" className="num">{t('sel.formation.finalScore')}</th>
                      <th scope="col">{t('sel.formation.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.final.map((r) => (
                      <tr key={r.participantNo}>
                        <td className="num">{dash(r.rank)}</td>
                        <td className="mono">{r.participantNo}</td>
                        <td className="nowrap">{r.maskedName}</td>
                        <td className="num">{r.skdTotal}</td>
                        <td className="num">{dash(r.skb)}</td>
                        <td className="num">{dash(r.finalScore)}</td>
                        <td>
                          <CodeBadge code={r.result} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ) : null}
          <section className="card" aria-labelledby="skd-title">
            <h2 id="skd-title">{t('sel.formation.skdTitle', { version: data.skdVersion })}</h2>
            <ScoreChart bins={data.histogram} formationCode={data.formationCode} />
            <TableWrap label={t('sel.formation.skdTable', { code })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('sel.formation.rank')}</th>
                    <th scope="col">{t('sel.formation.participantNo')}</th>
                    <th scope="col">{t('sel.formation.name')}</th>
                    <th scope="col" className="num">{t('sel.formation.twk')}</th>
                    <th scope="col" className="num">{t('sel.formation.tiu')}</th>
                    <th scope="col" className="num">{t('sel.formation.tkp')}</th>
                    <th scope="col" className="num">{t('sel.formation.total')}</th>
                    <th scope="col">{t('sel.formation.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.skd.map((r) => (
                    <tr key={r.participantNo}>
                      <td className="num">{dash(r.rank)}</td>
                      <td className="mono">{r.participantNo}</td>
                      <td className="nowrap">{r.maskedName}</td>
                      <td className="num">{dash(r.twk)}</td>
                      <td className="num">{dash(r.tiu)}</td>
                      <td className="num">{dash(r.tkp)}</td>
                      <td className="num">{dash(r.total)}</td>
                      <td>
                        <CodeBadge code={r.code} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <div className="card">
            <CodeLegend codes={data.final ? ['P/L', 'P', 'TL', 'TH', 'L'] : ['P/L', 'P', 'TL', 'TH']} />
          </div>
        </>
      ) : null}
    </>
  );
}
