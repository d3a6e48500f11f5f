/** Pieces the SKP pages share: a labelled textarea, the hasil kerja form, the evaluations table, bilingual server messages. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Msg } from '../../../../common/contracts/messages.ts';
import { PERSPECTIVE_VALUES, ResultBody } from '../../../../common/contracts/performance.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { CheckboxField, FieldError, SelectField, TextField } from '../../ui/Field.tsx';
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
  error,
  ...rest
}: { label: ReactNode; hint?: ReactNode; error?: string | undefined } & ComponentProps<'textarea'>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="skp-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

const EMPTY_RESULT: ResultInput = {
  title: '',
  perspective: 'penerima_layanan',
  isMain: true,
  indicators: [{ description: '', kind: 'quantitative', target: '', unit: '' }],
};
const useResultForm = () =>
  useContractForm(ResultBody, EMPTY_RESULT, {
    serverFields: ['title', 'indicators.0.description', 'indicators.0.target', 'indicators.0.unit'],
  });

/** Adds a hasil kerja with one indicator to a plan (the evaluator sets it, the employee proposes it). */
export function ResultForm({ planId, heading, onSaved }: { planId: string; heading: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useResultForm();
  const headingId = useId();
  const save = useMutation({
    mutationFn: (body: ResultInput) => performanceApi.addResult(planId, body),
    onSuccess: () => {
      form.reset(EMPTY_RESULT);
      void qc.invalidateQueries({ queryKey: ['skp'] });
      onSaved?.();
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h3 id={headingId}>{heading}</h3>
      <TextField
        label={t('skp.result.title')}
        maxLength={300}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <SelectField label={t('skp.result.perspective')} {...form.register('perspective')}>
        {PERSPECTIVE_VALUES.map((p) => (
          <option key={p} value={p}>
            {t(`skp.perspective.${p}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t('skp.result.isMain')} {...form.register('isMain')} />
      <IndicatorFields form={form} />
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

/** The hasil kerja's one indicator: what is measured, how, the target and its unit. */
function IndicatorFields({ form }: { form: ReturnType<typeof useResultForm> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('skp.result.indicator')}
        maxLength={300}
        error={form.fieldError('indicators.0.description')}
        {...form.register('indicators.0.description')}
      />
      <SelectField label={t('skp.result.kind')} {...form.register('indicators.0.kind')}>
        <option value="quantitative">{t('skp.result.kinds.quantitative')}</option>
        <option value="qualitative">{t('skp.result.kinds.qualitative')}</option>
      </SelectField>
      <TextField
        label={t('skp.result.target')}
        maxLength={200}
        error={form.fieldError('indicators.0.target')}
        {...form.register('indicators.0.target')}
      />
      <TextField
        label={t('skp.result.unit')}
        maxLength={40}
        error={form.fieldError('indicators.0.unit')}
        {...form.register('indicators.0.unit')}
      />
    </>
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
