/**
 * /seleksi/ambang-batas — admin: the SKD passing grades of a year, per need type (rules as data,
 * KepMenPANRB), with the "uncertain" mark where sources differ.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ThresholdRuleSetBody } from '../../../../common/contracts/selection.ts';
import { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import { useContractForm } from '../../app/useContractForm.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useLang } from '../../features/recruitment/hooks.ts';
import { type NeedTypeKey, selectionApi, type ThresholdBody, type ThresholdSet } from '../../features/selection/api.ts';
import { selKey, useThresholds } from '../../features/selection/hooks.ts';
import '../../features/selection/selection.css';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/selection/i18n.ts';

type RuleDraft = { kind: 'subtests' | 'total'; twk: string; tiu: string; tkp: string; total: string };
type Draft = { regulation: string; rules: Record<NeedTypeKey, RuleDraft>; uncertain: NeedTypeKey[] };

function toDraft(s: Pick<ThresholdSet, 'regulation' | 'rules' | 'uncertain'>): Draft {
  const rules = Object.fromEntries(
    NEED_TYPES.map((k) => {
      const r = s.rules[k];
      return [
        k,
        r.kind === 'subtests'
          ? { kind: 'subtests', twk: String(r.twk), tiu: String(r.tiu), tkp: String(r.tkp), total: '' }
          : { kind: 'total', twk: '', tiu: String(r.tiu), tkp: '', total: String(r.total) },
      ];
    }),
  ) as Record<NeedTypeKey, RuleDraft>;
  return { regulation: s.regulation, rules, uncertain: [...s.uncertain] };
}

/** A typed number as the contract sees it: blank is missing, anything but 1–3 digits is not a number. */
const int = (v: string) => (v.trim() === '' ? undefined : /^\d{1,3}$/.test(v.trim()) ? Number(v) : NaN);

/** What the editor's strings become: the contract body, with each rule only the fields of its kind. */
function toBody(d: Draft) {
  const rules = Object.fromEntries(
    NEED_TYPES.map((k) => {
      const r = d.rules[k];
      return [
        k,
        r.kind === 'subtests'
          ? { kind: 'subtests', twk: int(r.twk), tiu: int(r.tiu), tkp: int(r.tkp) }
          : { kind: 'total', total: int(r.total), tiu: int(r.tiu) },
      ];
    }),
  );
  return { regulation: d.regulation, rules, uncertain: d.uncertain };
}

/** The contract's rule set, checked on what the draft becomes (toBody): error paths stay the draft's. */
const ThresholdsForm = z.preprocess((d: Draft) => toBody(d), ThresholdRuleSetBody);

function Editor({ sets }: { sets: ThresholdSet[] }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const base = sets.find((s) => String(s.year) === year) ?? sets[0];
  if (!base) return null;
  return <EditorForm sets={sets} year={year} setYear={setYear} base={base} />;
}

/** The pass marks of one year, checked against the contract here; picking another year starts from its set. */
function EditorForm({
  sets,
  year,
  setYear,
  base,
}: {
  sets: ThresholdSet[];
  year: string;
  setYear: (y: string) => void;
  base: ThresholdSet;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const yearId = useId();
  const existing = sets.find((s) => String(s.year) === year);
  const form = useContractForm(ThresholdsForm, toDraft(base));
  const save = useMutation({
    mutationFn: (body: ThresholdBody) => selectionApi.setThresholds(Number(year), body),
    onSuccess: (_, body) => {
      form.reset(toDraft(body));
      void qc.invalidateQueries({ queryKey: selKey });
    },
  });
  const invalid = form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0;
  return (
    <form
      className="card form sel-weights"
      noValidate
      aria-labelledby="thr-form-title"
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h2 id="thr-form-title">{t('sel.thr.save', { year })}</h2>
      <div className="field">
        <label htmlFor={yearId}>{t('sel.thr.year')}</label>
        <input
          id={yearId}
          inputMode="numeric"
          value={year}
          onChange={(e) => {
            setYear(e.target.value);
            form.reset(toDraft(sets.find((s) => String(s.year) === e.target.value) ?? sets[0]!));
            save.reset();
          }}
        />
      </div>
      {existing ? null : <Alert tone="info">{t('sel.thr.notSet')}</Alert>}
      <TextField
        label={t('sel.thr.regulation')}
        error={form.fieldError('regulation')}
        {...form.register('regulation')}
      />
      {NEED_TYPES.map((k) => (
        <RuleFieldset key={k} need={k} form={form} onEdit={() => save.reset()} />
      ))}
      {invalid ? <Alert tone="error">{t('sel.thr.invalid')}</Alert> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess ? <Alert tone="success">{t('sel.thr.saved', { year })}</Alert> : null}
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('sel.thr.save', { year })}
      </button>
      <ExistingSets sets={sets} />
    </form>
  );
}

type ThresholdsFormApi = ReturnType<typeof useContractForm<Draft, z.output<typeof ThresholdsForm>>>;

/** One need type's passing grade: per subtest or total, and the "uncertain" mark. */
function RuleFieldset({ need, form, onEdit }: { need: NeedTypeKey; form: ThresholdsFormApi; onEdit: () => void }) {
  const { t } = useTranslation();
  const kind = form.watch(`rules.${need}.kind`);
  const num = (name: 'twk' | 'tiu' | 'tkp' | 'total', label: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      error={form.fieldError(`rules.${need}.${name}`)}
      {...form.register(`rules.${need}.${name}`, { onChange: onEdit })}
    />
  );
  return (
    <fieldset>
      <legend>{t(`sel.need.${need}`)}</legend>
      <div className="sel-grid-fields">
        <SelectField label={t('sel.thr.ruleKind')} {...form.register(`rules.${need}.kind`, { onChange: onEdit })}>
          <option value="subtests">{t('sel.thr.kindSubtests')}</option>
          <option value="total">{t('sel.thr.kindTotal')}</option>
        </SelectField>
        {kind === 'subtests' ? (
          <>
            {num('twk', t('sel.thr.twk'))}
            {num('tiu', t('sel.thr.tiu'))}
            {num('tkp', t('sel.thr.tkp'))}
          </>
        ) : (
          <>
            {num('total', t('sel.thr.total'))}
            {num('tiu', t('sel.thr.tiu'))}
          </>
        )}
      </div>
      <CheckboxField label={t('sel.thr.uncertain')} value={need} {...form.register('uncertain')} />
    </fieldset>
  );
}

/** The years already set, with their regulation and when they were last changed. */
function ExistingSets({ sets }: { sets: ThresholdSet[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <h3>{t('sel.thr.existing')}</h3>
      <ul>
        {sets.map((s) => (
          <li key={s.year}>
            {s.year}: {s.regulation}{' '}
            <span className="muted small">({t('sel.thr.updated', { at: formatDateTime(s.updatedAt, lang) })})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Thresholds() {
  const { t } = useTranslation();
  const sets = useThresholds();
  return (
    <>
      <PageTitle title={t('sel.thr.title')} lead={t('sel.thr.lead')}>
        {t('sel.thr.title')}
      </PageTitle>
      {sets.isPending ? <Loading label={t('app.loading')} /> : null}
      {sets.isError ? <ErrorAlert error={sets.error} /> : null}
      {sets.data ? <Editor sets={sets.data.thresholds} /> : null}
    </>
  );
}

export function ThresholdsPage() {
  return <RequireAuth roles={['admin']}>{() => <Thresholds />}</RequireAuth>;
}
