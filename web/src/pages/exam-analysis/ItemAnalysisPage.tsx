/**
 * /bank-soal/analisis/:sessionId — item analysis of a CAT session: p (TKP: mean weight),
 * point-biserial, option spread, review flags only from the minimum sample on, a difficulty ×
 * discrimination chart, CSV.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../features/codes/i18n.ts';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { examApi } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { AnalysisScatter } from '../../features/exam/components/AnalysisScatter.tsx';

type AnalysisRow = Awaited<ReturnType<typeof examApi.itemAnalysis>>['items'][number];

function Analysis({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const data = useQuery({ queryKey: ['cat', 'analysis', sessionId], queryFn: () => examApi.itemAnalysis(sessionId) });
  const columns: Column<AnalysisRow>[] = [
    {
      key: 'stem',
      header: t('cat.analysis.col.stem'),
      className: 'cat-stem-cell',
      cell: (s) => (
        <>
          {s.stem}
          <div className="small muted mono">v{s.version}</div>
        </>
      ),
    },
    {
      key: 'subtest',
      header: t('cat.analysis.col.subtest'),
      className: 'nowrap',
      cell: (s) => (
        <>
          {t(`cat.subtest.${s.subtest}`, { defaultValue: s.subtest })}
          <div className="small muted">{codeLabel(t, 'category', s.category)}</div>
        </>
      ),
    },
    { key: 'n', header: t('cat.analysis.col.n'), className: 'num', cell: (s) => s.n },
    {
      key: 'p',
      header: t('cat.analysis.col.p'),
      className: 'num',
      cell: (s) =>
        s.weighted
          ? t('cat.analysis.meanWeight', { mean: s.meanPoints.toFixed(1), max: s.maxPoints })
          : s.difficulty.toFixed(2),
    },
    {
      key: 'r',
      header: t('cat.analysis.col.r'),
      className: 'num',
      cell: (s) => (s.pointBiserial === null ? t('cat.analysis.none') : s.pointBiserial.toFixed(2)),
    },
    {
      key: 'dist',
      header: t('cat.analysis.col.dist'),
      className: 'small nowrap',
      cell: (s) =>
        Object.entries(s.optionDistribution)
          .map(([k, v]) => `${k === 'blank' ? t('cat.analysis.blank') : k}: ${v}`)
          .join(' · '),
    },
    {
      key: 'flags',
      header: t('cat.analysis.col.flags'),
      cell: (s) =>
        s.flags.length === 0
          ? t('cat.analysis.none')
          : s.flags.map((f) => (
              <span key={f} className="badge badge--warn">
                ⚠ {t(`cat.analysis.flag.${f}`)}
              </span>
            )),
    },
  ];
  return (
    <QueryState query={data}>
      {(r) => (
        <section className="card" aria-labelledby="analysis-title">
          <h2 id="analysis-title">{t('cat.analysis.attempts', { n: r.attempts })}</h2>
          {r.attempts > 0 && r.attempts < r.minSample ? (
            <Alert tone="warning">{t('cat.analysis.smallSample', { n: r.attempts, min: r.minSample })}</Alert>
          ) : null}
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
            <DataTable
              label={t('cat.analysis.title')}
              caption={t('cat.analysis.title')}
              captionHidden
              columns={columns}
              rows={r.items}
              rowKey={(s) => `${s.itemId}-${s.version}`}
            />
          )}
        </section>
      )}
    </QueryState>
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
