/** One period's correlation report: summary, demo label, matrix, groups and the heat grid with its chooser. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, PREDICTORS, type Outcome, type Predictor } from '../../../../common/contracts/correlation.ts';
import type { CorrelationReport } from './api.ts';
import { DemoLabel, RelationMatrix, ReportGroups } from './components.tsx';
import { HeatGrid } from './HeatGrid.tsx';
import './i18n.ts';

/** Choose a selection score and an outcome; the grid of counts for that pair. */
function GridChooser({ report }: { report: CorrelationReport }) {
  const { t } = useTranslation();
  const id = useId();
  const [predictor, setPredictor] = useState<Predictor>('final');
  const [outcome, setOutcome] = useState<Outcome>('skp');
  const grid = report.grids.find((g) => g.predictor === predictor && g.outcome === outcome);
  const n = report.relations.find((r) => r.predictor === predictor && r.outcome === outcome)?.n ?? 0;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cor.grid.title')}</h2>
      <p className="small">{t('cor.grid.lead')}</p>
      <div className="cor-choose">
        <label htmlFor={`${id}-x`}>{t('cor.grid.score')}</label>
        <select id={`${id}-x`} value={predictor} onChange={(e) => setPredictor(e.target.value as Predictor)}>
          {PREDICTORS.map((p) => (
            <option key={p} value={p}>
              {t(`cor.predictor.${p}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-y`}>{t('cor.grid.outcome')}</label>
        <select id={`${id}-y`} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`cor.outcome.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {grid ? (
        <HeatGrid grid={grid} n={n} />
      ) : (
        <p className="muted">{t('cor.grid.none', { min: report.smallSample })}</p>
      )}
    </section>
  );
}

/** The whole report of one period, its demo label first when the data are synthetic. */
export function ReportView({ report }: { report: CorrelationReport }) {
  const { t } = useTranslation();
  const p = report.period;
  return (
    <div className="cor-report">
      {p.demo ? <DemoLabel /> : null}
      <p>{t('cor.summary', { appointees: p.appointees, withSkp: p.withSkp })}</p>
      <p className="small">
        {t(report.outcomesAvailable.ipAsn === 0 ? 'cor.availableNoIp' : 'cor.available', report.outcomesAvailable)}
      </p>
      <section className="card" aria-labelledby={`cor-matrix-${p.id}`}>
        <h2 id={`cor-matrix-${p.id}`}>
          {t('cor.matrix.title')}
          {p.demo ? <span className="cor-demo-badge cor-demo-badge--inline">{t('cor.demo')}</span> : null}
        </h2>
        <RelationMatrix relations={report.relations} report={report} caption={t('cor.matrix.caption')} />
        <p className="small muted">{t('cor.matrix.reading')}</p>
      </section>
      <ReportGroups report={report} />
      <GridChooser report={report} />
    </div>
  );
}
