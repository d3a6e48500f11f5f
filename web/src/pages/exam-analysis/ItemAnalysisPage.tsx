/**
 * /bank-soal/analisis/:sessionId — item analysis of a CAT session: p (TKP: mean weight),
 * point-biserial, option spread, review flags only from the minimum sample on, a difficulty ×
 * discrimination chart, CSV.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../features/codes/i18n.ts';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { examApi } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { AnalysisScatter } from '../../features/exam/components/AnalysisScatter.tsx';

function Analysis({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const data = useQuery({ queryKey: ['cat', 'analysis', sessionId], queryFn: () => examApi.itemAnalysis(sessionId) });
  if (data.isPending) return <Loading label={t('app.loading')} />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  const r = data.data;
  return (
    <section className="card" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('cat.analysis.attempts', { n: r.attempts })}</h2>
      {r.attempts > 0 && r.attempts < r.minSample ? <Alert tone="warning">{t('cat.analysis.smallSample', { n: r.attempts, min: r.minSample })}</Alert> : null}
      {r.items.some((s) => s.weighted) ? <p className="small">{t('cat.analysis.weightedNote')}</p> : null}
      {r.items.length > 0 ? <AnalysisScatter items={r.items} /> : null}
      <p>
        <a className="btn btn--secondary" href={examApi.itemAnalysisCsvUrl(sessionId)} download>
          {t('cat.analysis.csv')}
        </a>
      </p>
      {r.items.length === 0 ? (
        <p>{t('cat.analysis.empty')}</p>
      ) : (
        <TableWrap label={t('cat.analysis.title')}>
          <table>
            <caption className="sr-only">{t('cat.analysis.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cat.analysis.col.stem')}</th>
                <th scope="col">{t('cat.analysis.col.subtest')}</th>
                <th scope="col" className="num">{t('cat.analysis.col.n')}</th>
                <th scope="col" className="num">{t('cat.analysis.col.p')}</th>
                <th scope="col" className="num">{t('cat.analysis.col.r')}</th>
                <th scope="col">{t('cat.analysis.col.dist')}</th>
                <th scope="col">{t('cat.analysis.col.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((s) => (
                <tr key={`${s.itemId}-${s.version}`}>
                  <td className="cat-stem-cell">
                    {s.stem}
                    <div className="small muted mono">v{s.version}</div>
                  </td>
                  <td className="nowrap">
                    {t(`cat.subtest.${s.subtest}`, { defaultValue: s.subtest })}
                    <div className="small muted">{codeLabel(t, 'category', s.category)}</div>
                  </td>
                  <td className="num">{s.n}</td>
                  <td className="num">{s.weighted ? t('cat.analysis.meanWeight', { mean: s.meanPoints.toFixed(1), max: s.maxPoints }) : s.difficulty.toFixed(2)}</td>
                  <td className="num">{s.pointBiserial === null ? t('cat.analysis.none') : s.pointBiserial.toFixed(2)}</td>
                  <td className="small nowrap">
                    {Object.entries(s.optionDistribution)
                      .map(([k, v]) => `${k === 'blank' ? t('cat.analysis.blank') : k}: ${v}`)
                      .join(' · ')}
                  </td>
                  <td>
                    {s.flags.length === 0
                      ? t('cat.analysis.none')
                      : s.flags.map((f) => (
                          <span key={f} className="badge badge--warn">
                            ⚠ {t(`cat.analysis.flag.${f}`)}
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export function ItemAnalysisPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <RequireAuth roles={['exam_admin']}>
      {() => (
        <>
          <PageTitle title={t('cat.analysis.title')} lead={t('cat.analysis.lead')}>
            {t('cat.analysis.title')}
          </PageTitle>
          <p>
            <Link to="/bank-soal">{t('cat.bp.back')}</Link>
          </p>
          <Analysis sessionId={sessionId} />
        </>
      )}
    </RequireAuth>
  );
}
