/**
 * /seleksi/ambang-batas — admin: the SKD passing grades of a year, per need type (rules as data,
 * KepMenPANRB), with the "uncertain" mark where sources differ.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
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

function toDraft(s: ThresholdSet): Draft {
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

const int = (v: string) => (/^\d{1,3}$/.test(v.trim()) ? Number(v) : NaN);

function toBody(d: Draft): ThresholdBody | null {
  const rules = {} as ThresholdBody['rules'];
  for (const k of NEED_TYPES) {
    const r = d.rules[k];
    const rule =
      r.kind === 'subtests'
        ? { kind: 'subtests' as const, twk: int(r.twk), tiu: int(r.tiu), tkp: int(r.tkp) }
        : { kind: 'total' as const, total: int(r.total), tiu: int(r.tiu) };
    if (Object.values(rule).some((v) => typeof v === 'number' && Number.isNaN(v))) return null;
    rules[k] = rule;
  }
  return { regulation: d.regulation.trim(), rules, uncertain: d.uncertain };
}

function Editor({ sets }: { sets: ThresholdSet[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const yearId = useId();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const existing = sets.find((s) => String(s.year) === year);
  const latest = sets[0];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState(false);
  const base = existing ?? latest;
  const d = draft ?? (base ? toDraft(base) : null);
  const save = useMutation({
    mutationFn: (body: ThresholdBody) => selectionApi.setThresholds(Number(year), body),
    onSuccess: () => {
      setDraft(null);
      void qc.invalidateQueries({ queryKey: selKey });
    },
  });
  if (!d) return null;
  const setRule = (k: NeedTypeKey, patch: Partial<RuleDraft>) => {
    save.reset();
    setDraft({ ...d, rules: { ...d.rules, [k]: { ...d.rules[k], ...patch } } });
  };
  return (
    <form
      className="card form sel-weights"
      noValidate
      aria-labelledby="thr-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        const body = toBody(d);
        setInvalid(!body);
        if (body) save.mutate(body);
      }}
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
            setDraft(null);
            save.reset();
          }}
        />
      </div>
      {existing ? null : <Alert tone="info">{t('sel.thr.notSet')}</Alert>}
      <TextField
        label={t('sel.thr.regulation')}
        value={d.regulation}
        onChange={(e) => setDraft({ ...d, regulation: e.target.value })}
      />
      {NEED_TYPES.map((k) => (
        <RuleFieldset
          key={k}
          need={k}
          rule={d.rules[k]}
          uncertain={d.uncertain.includes(k)}
          onRule={(patch) => setRule(k, patch)}
          onUncertain={(on) =>
            setDraft({ ...d, uncertain: on ? [...d.uncertain, k] : d.uncertain.filter((u) => u !== k) })
          }
        />
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

/** One need type's passing grade: per subtest or total, and the "uncertain" mark. */
function RuleFieldset({
  need,
  rule: r,
  uncertain,
  onRule,
  onUncertain,
}: {
  need: NeedTypeKey;
  rule: RuleDraft;
  uncertain: boolean;
  onRule: (patch: Partial<RuleDraft>) => void;
  onUncertain: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t(`sel.need.${need}`)}</legend>
      <div className="sel-grid-fields">
        <SelectField
          label={t('sel.thr.ruleKind')}
          value={r.kind}
          onChange={(e) => onRule({ kind: e.target.value as RuleDraft['kind'] })}
        >
          <option value="subtests">{t('sel.thr.kindSubtests')}</option>
          <option value="total">{t('sel.thr.kindTotal')}</option>
        </SelectField>
        {r.kind === 'subtests' ? (
          <>
            <TextField
              label={t('sel.thr.twk')}
              inputMode="numeric"
              value={r.twk}
              onChange={(e) => onRule({ twk: e.target.value })}
            />
            <TextField
              label={t('sel.thr.tiu')}
              inputMode="numeric"
              value={r.tiu}
              onChange={(e) => onRule({ tiu: e.target.value })}
            />
            <TextField
              label={t('sel.thr.tkp')}
              inputMode="numeric"
              value={r.tkp}
              onChange={(e) => onRule({ tkp: e.target.value })}
            />
          </>
        ) : (
          <>
            <TextField
              label={t('sel.thr.total')}
              inputMode="numeric"
              value={r.total}
              onChange={(e) => onRule({ total: e.target.value })}
            />
            <TextField
              label={t('sel.thr.tiu')}
              inputMode="numeric"
              value={r.tiu}
              onChange={(e) => onRule({ tiu: e.target.value })}
            />
          </>
        )}
      </div>
      <CheckboxField
        label={t('sel.thr.uncertain')}
        checked={uncertain}
        onChange={(e) => onUncertain(e.target.checked)}
      />
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
