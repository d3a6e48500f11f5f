/** Pieces the SKP pages share: a labelled textarea, the hasil kerja form, the evaluations table, bilingual server messages. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Msg } from '../../../../common/contracts/messages.ts';
import { PERSPECTIVE_VALUES } from '../../../../common/contracts/performance.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { performanceApi, type ResultInput } from './api.ts';
import './i18n.ts';

/** A server message in the chosen language. */
export function useMsg() {
  const { i18n } = useTranslation();
  return (m: Msg) => (i18n.language === 'en' ? m.en : m.id);
}

export function TextArea({
  label,
  hint,
  ...rest
}: { label: ReactNode; hint?: ReactNode } & ComponentProps<'textarea'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea id={id} className="skp-textarea" aria-describedby={hint ? `${id}-hint` : undefined} {...rest} />
    </div>
  );
}

/** Adds a hasil kerja with one indicator to a plan (the evaluator sets it, the employee proposes it). */
export function ResultForm({ planId, heading, onSaved }: { planId: string; heading: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = {
    title: '',
    perspective: 'penerima_layanan' as ResultInput['perspective'],
    isMain: true,
    description: '',
    kind: 'quantitative' as 'quantitative' | 'qualitative',
    target: '',
    unit: '',
  };
  const [v, setV] = useState(empty);
  const headingId = useId();
  const save = useMutation({
    mutationFn: () =>
      performanceApi.addResult(planId, {
        title: v.title,
        perspective: v.perspective,
        isMain: v.isMain,
        indicators: [{ description: v.description, kind: v.kind, target: v.target, unit: v.unit }],
      }),
    onSuccess: () => {
      setV(empty);
      void qc.invalidateQueries({ queryKey: ['skp'] });
      onSaved?.();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3 id={headingId}>{heading}</h3>
      <TextField
        label={t('skp.result.title')}
        value={v.title}
        maxLength={300}
        onChange={(e) => setV({ ...v, title: e.target.value })}
        error={err?.fieldMessage('title')}
      />
      <SelectField
        label={t('skp.result.perspective')}
        value={v.perspective}
        onChange={(e) => setV({ ...v, perspective: e.target.value as ResultInput['perspective'] })}
      >
        {PERSPECTIVE_VALUES.map((p) => (
          <option key={p} value={p}>
            {t(`skp.perspective.${p}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('skp.result.isMain')}
        checked={v.isMain}
        onChange={(e) => setV({ ...v, isMain: e.target.checked })}
      />
      <TextField
        label={t('skp.result.indicator')}
        value={v.description}
        maxLength={300}
        onChange={(e) => setV({ ...v, description: e.target.value })}
        error={err?.fieldMessage('indicators.0.description')}
      />
      <SelectField
        label={t('skp.result.kind')}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.target.value as 'quantitative' | 'qualitative' })}
      >
        <option value="quantitative">{t('skp.result.kinds.quantitative')}</option>
        <option value="qualitative">{t('skp.result.kinds.qualitative')}</option>
      </SelectField>
      <TextField
        label={t('skp.result.target')}
        value={v.target}
        maxLength={200}
        onChange={(e) => setV({ ...v, target: e.target.value })}
        error={err?.fieldMessage('indicators.0.target')}
      />
      <TextField
        label={t('skp.result.unit')}
        value={v.unit}
        maxLength={40}
        onChange={(e) => setV({ ...v, unit: e.target.value })}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('skp.result.save')}
        </button>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('skp.result.saved')}</Alert> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

const PREDIKAT_ORDER = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;

/** Horizontal bars of a predikat distribution; the figure is named by its title, the numbers are printed beside each bar. */
export function PredikatChart({
  counts,
  title,
}: {
  counts: Record<(typeof PREDIKAT_ORDER)[number], number>;
  title: string;
}) {
  const { t } = useTranslation();
  const total = PREDIKAT_ORDER.reduce((a, p) => a + counts[p], 0);
  const max = Math.max(1, ...PREDIKAT_ORDER.map((p) => counts[p]));
  const rowH = 30;
  const labelW = 170;
  const width = 640;
  const barW = width - labelW - 90;
  return (
    <figure className="skp-chart">
      <svg viewBox={`0 0 ${width} ${PREDIKAT_ORDER.length * rowH + 8}`} role="img" aria-label={title}>
        {PREDIKAT_ORDER.map((p, i) => {
          const n = counts[p];
          const y = i * rowH + 4;
          const w = Math.max(1, (barW * n) / max);
          return (
            <g key={p}>
              <text x={labelW - 8} y={y + 18} textAnchor="end" className="skp-chart-label">
                {t(`skp.predikat.${p}`)}
              </text>
              <rect x={labelW} y={y + 5} width={w} height={rowH - 12} className={`skp-bar--${p}`} />
              <text x={labelW + w + 6} y={y + 18} className="skp-chart-label">
                {n} ({total === 0 ? 0 : Math.round((n * 100) / total)}%)
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{title}</figcaption>
    </figure>
  );
}

interface EvaluationRow {
  period: string;
  ratingResults: string;
  ratingBehaviour: string;
  predikat: string;
  status?: string;
}

/** A plan's evaluations by period: the two ratings and the predikat, and (for the plan's page) whether each is final. */
export function EvaluationsTable({
  rows,
  withStatus = false,
}: {
  rows: readonly EvaluationRow[];
  withStatus?: boolean;
}) {
  const { t } = useTranslation();
  const columns: Column<EvaluationRow>[] = [
    { key: 'p', header: t('skp.evaluation.period'), cell: (e) => t(`skp.period.${e.period}`) },
    { key: 'r', header: t('skp.evaluation.results'), cell: (e) => t(`skp.rating.${e.ratingResults}`) },
    { key: 'b', header: t('skp.evaluation.behaviour'), cell: (e) => t(`skp.rating.${e.ratingBehaviour}`) },
    { key: 'k', header: t('skp.evaluation.predikat'), cell: (e) => <strong>{t(`skp.predikat.${e.predikat}`)}</strong> },
  ];
  if (withStatus)
    columns.push({
      key: 's',
      header: t('skp.evaluation.status'),
      cell: (e) => (
        <span className={e.status === 'final' ? 'badge badge--ok' : 'badge'}>{t(`skp.evalStatus.${e.status}`)}</span>
      ),
    });
  if (rows.length === 0) return <p>{t('skp.evaluation.none')}</p>;
  return <DataTable label={t('skp.evaluation.table')} rows={rows} rowKey={(e) => e.period} columns={columns} />;
}
