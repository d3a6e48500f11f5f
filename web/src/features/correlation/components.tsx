/**
 * The correlation report (issue 26 §4) as the committee, BKPSDM and the public see it: the demo
 * label, the ρ matrix with intervals, n and the small-sample warning, the groups (hidden when
 * small), and a heat grid of counts with the same numbers in a table. Nothing here ever has a
 * person's pair of scores: the API sends only aggregates.
 */
import { useTranslation } from 'react-i18next';
import { OUTCOMES, PREDICTORS, type Outcome, type Predictor } from '../../../../common/contracts/correlation.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';
import type { CorrelationReport, Group, Relation } from './api.ts';
import './i18n.ts';
import './correlation.css';

const PREDIKAT = ['sangat_kurang', 'kurang', 'butuh_perbaikan', 'baik', 'sangat_baik'] as const;

/** Numbers as the active language writes them: ρ with two decimals, scores with up to three. */
export function useNumber() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'id-ID';
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const any = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return { rho: (v: number) => two.format(v), value: (v: number) => any.format(v) };
}

/** The "Data demo (sintetis)" label and what it means. */
export function DemoLabel() {
  const { t } = useTranslation();
  return (
    <div className="cor-demo" role="note">
      <strong className="cor-demo-badge">{t('cor.demo')}</strong> <span>{t('cor.demoNote')}</span>
    </div>
  );
}

/** One matrix cell: ρ, its interval, n and the warning — or why there is none. */
function RelationCell({ r, available, smallSample }: { r: Relation; available: number; smallSample: number }) {
  const { t } = useTranslation();
  const fmt = useNumber();
  if (available === 0 || r.n < 2) return <span className="muted">{t('cor.matrix.none')}</span>;
  if (r.rho === null) return <span className="muted">{t('cor.matrix.flat')}</span>;
  return (
    <div className="cor-cell">
      <strong>{t('cor.matrix.rho', { rho: fmt.rho(r.rho) })}</strong>
      {r.low !== null && r.high !== null ? (
        <span className="small">{t('cor.matrix.interval', { low: fmt.rho(r.low), high: fmt.rho(r.high) })}</span>
      ) : null}
      <span className="small">{t('cor.matrix.n', { n: r.n })}</span>
      {r.warning === 'small' ? <span className="cor-warning">{t('cor.small', { min: smallSample })}</span> : null}
    </div>
  );
}

/** Selection scores (rows) × outcomes (columns). */
export function RelationMatrix({
  relations,
  report,
  caption,
}: {
  relations: readonly Relation[];
  report: CorrelationReport;
  caption: string;
}) {
  const { t } = useTranslation();
  const find = (p: Predictor, o: Outcome) => relations.find((r) => r.predictor === p && r.outcome === o);
  return (
    <TableWrap label={`${t('cor.matrix.region')}: ${caption}`}>
      <table className="cor-matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cor.matrix.score')}</th>
            {OUTCOMES.map((o) => (
              <th key={o} scope="col">
                {t(`cor.outcome.${o}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PREDICTORS.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`cor.predictor.${p}`)}</th>
              {OUTCOMES.map((o) => {
                const r = find(p, o);
                return (
                  <td key={o}>
                    {r ? (
                      <RelationCell r={r} available={report.outcomesAvailable[o]} smallSample={report.smallSample} />
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** One group: its matrix, or why it is hidden. */
function GroupSection({ group, report }: { group: Group; report: CorrelationReport }) {
  const { t } = useTranslation();
  const name = t(`cor.groups.${group.dimension}`, {
    key: t(`cor.${group.dimension === 'needType' ? 'needType' : 'formationKind'}.${group.key}`, {
      defaultValue: group.key,
    }),
  });
  return (
    <section className="cor-group" aria-label={name}>
      <h3>
        {name}
        {group.size !== null && !group.hidden ? (
          <span className="muted small"> — {t('cor.groups.size', { n: group.size })}</span>
        ) : null}
      </h3>
      {group.hidden ? (
        <p className="muted">
          {group.size === null
            ? t('cor.groups.hidden', { min: report.minGroup })
            : t('cor.groups.hiddenSized', { n: group.size, min: report.minGroup })}
        </p>
      ) : (
        <RelationMatrix relations={group.relations} report={report} caption={name} />
      )}
    </section>
  );
}

/** Bin labels from the cut points: "≤ c₁", "c₁–c₂" … "> c₄"; the five predikat for SKP. */
export function useBinLabels() {
  const { t } = useTranslation();
  const fmt = useNumber();
  return (cuts: readonly (number | null)[], predikat: boolean): string[] => {
    if (predikat) return PREDIKAT.map((p) => t(`cor.predikat.${p}`));
    const labels: string[] = [];
    for (let i = 0; i <= cuts.length; i++) {
      const lo = i > 0 ? cuts[i - 1] : undefined;
      const hi = i < cuts.length ? cuts[i] : undefined;
      if (i === 0) labels.push(hi == null ? t('cor.grid.emptyBin') : t('cor.grid.lowest', { v: fmt.value(hi) }));
      else if (i === cuts.length)
        labels.push(lo == null ? t('cor.grid.emptyBin') : t('cor.grid.above', { v: fmt.value(lo) }));
      else if (lo == null || hi == null) labels.push(t('cor.grid.emptyBin'));
      else labels.push(t('cor.grid.between', { a: fmt.value(lo), b: fmt.value(hi) }));
    }
    return labels;
  };
}

/** The splits by jenis kebutuhan and formation type. */
export function ReportGroups({ report }: { report: CorrelationReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="cor-groups">
      <h2 id="cor-groups">{t('cor.groups.title')}</h2>
      <p className="small">{t('cor.groups.lead', { min: report.minGroup })}</p>
      {report.groups.map((g) => (
        <GroupSection key={`${g.dimension}-${g.key}`} group={g} report={report} />
      ))}
    </section>
  );
}
