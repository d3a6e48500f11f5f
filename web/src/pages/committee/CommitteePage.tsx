/** /panitia — selection periods: the list, and a form to open a period with its stage windows. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey, useLang, useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { DateField, DateTimeField } from '../../ui/DateFields.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/recruitment/i18n.ts';

/** `<input type="datetime-local">` value (Palu time) → ISO instant with the WITA offset. */
export const witaIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : '');

type Stage = (typeof STAGE_NAMES)[number];

function CreatePeriodForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const year = new Date().getFullYear() + 1;
  const [v, setV] = useState({
    code: `CPNS-${year}`,
    name: `Seleksi CPNS Kota Palu ${year}`,
    year: String(year),
    type: 'CPNS',
    ageCutoffDate: `${year}-08-01`,
  });
  const [stages, setStages] = useState<Record<string, { start: string; end: string }>>({});
  const create = useMutation({
    mutationFn: recruitmentApi.createPeriod,
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const fe = (f: string) => err?.fields.find((x) => x.field === f || x.field.startsWith(`${f}.`))?.message;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const st: Partial<Record<Stage, { start: string; end: string }>> = {};
    for (const s of STAGE_NAMES) {
      const w = stages[s];
      if (w?.start && w.end) st[s] = { start: witaIso(w.start), end: witaIso(w.end) };
    }
    create.mutate({
      code: v.code.trim(),
      name: v.name.trim(),
      year: Number(v.year),
      type: v.type as 'CPNS' | 'PPPK',
      ageCutoffDate: v.ageCutoffDate,
      stages: st,
    });
  };
  return (
    <form className="card form" noValidate aria-labelledby="create-period-title" onSubmit={onSubmit}>
      <h2 id="create-period-title">{t('rec.com.createTitle')}</h2>
      {create.isSuccess ? <Alert tone="success">{t('rec.com.created')}</Alert> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <TextField
        label={t('rec.com.code')}
        hint={t('rec.com.codeHint')}
        value={v.code}
        error={fe('code')}
        onChange={(e) => setV({ ...v, code: e.target.value.toUpperCase() })}
      />
      <TextField
        label={t('rec.com.name')}
        value={v.name}
        error={fe('name')}
        onChange={(e) => setV({ ...v, name: e.target.value })}
      />
      <TextField
        label={t('rec.com.year')}
        inputMode="numeric"
        value={v.year}
        error={fe('year')}
        onChange={(e) => setV({ ...v, year: e.target.value })}
      />
      <SelectField label={t('rec.com.type')} value={v.type} onChange={(e) => setV({ ...v, type: e.target.value })}>
        <option value="CPNS">CPNS</option>
        <option value="PPPK">PPPK</option>
      </SelectField>
      <DateField
        label={t('rec.com.ageCutoff')}
        value={v.ageCutoffDate}
        error={fe('ageCutoffDate')}
        onChange={(x) => setV({ ...v, ageCutoffDate: x })}
      />
      <fieldset className="field">
        <legend>{t('rec.com.stages')}</legend>
        {STAGE_NAMES.map((s) => {
          const name = t(`rec.com.stage.${s}`);
          const w = stages[s] ?? { start: '', end: '' };
          return (
            <div key={s} className="rec-row">
              <DateTimeField
                label={t('rec.com.stageStart', { stage: name })}
                value={w.start}
                error={fe(`stages.${s}`)}
                onChange={(x) => setStages({ ...stages, [s]: { ...w, start: x } })}
              />
              <DateTimeField
                label={t('rec.com.stageEnd', { stage: name })}
                value={w.end}
                onChange={(x) => setStages({ ...stages, [s]: { ...w, end: x } })}
              />
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={create.isPending}>
        {t('rec.com.create')}
      </button>
    </form>
  );
}

function Periods() {
  const { t } = useTranslation();
  const lang = useLang();
  const periods = useStaffPeriods();
  return (
    <section className="card" aria-labelledby="periods-title">
      <h2 id="periods-title">{t('rec.com.periods')}</h2>
      {periods.isPending ? <Loading label={t('app.loading')} /> : null}
      {periods.isError ? <ErrorAlert error={periods.error} /> : null}
      {periods.data && periods.data.periods.length === 0 ? <p>{t('rec.common.noPeriods')}</p> : null}
      <ul className="rec-cards">
        {periods.data?.periods.map((p) => (
          <li key={p.id}>
            <h3>
              <Link to={`/panitia/periode/${p.id}`} aria-label={t('rec.com.manage', { name: p.name })}>
                {p.name}
              </Link>
            </h3>
            <p className="muted small mono">
              {p.code} · {p.type} · {p.year}
            </p>
            <dl className="facts facts--inline">
              {Object.entries(p.stages).map(([s, w]) => (
                <div key={s}>
                  <dt>{t(`rec.com.stage.${s}`, { defaultValue: s })}</dt>
                  <dd className="small">
                    {formatDateTime(w.start, lang)} – {formatDateTime(w.end, lang)}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CommitteePage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['committee', 'admin']}>
      {() => (
        <>
          <PageTitle title={t('rec.com.title')} lead={t('rec.com.lead')}>
            {t('rec.com.title')}
          </PageTitle>
          <div className="grid grid--form-list">
            <Periods />
            <CreatePeriodForm />
          </div>
        </>
      )}
    </RequireAuth>
  );
}
