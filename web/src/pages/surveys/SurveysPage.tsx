/** /survei — the service units surveyed (SKM), this period's respondents against the sample needed; BKPSDM's admin adds units and prints the QR posters. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DEFAULT_UNSUR, PERIOD_KINDS } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMe, useOrganizations } from '../../features/identity/hooks.ts';
import { participationApi, type UnitInput } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type UnsurRow = { code: string; label: string; weight: string };
const defaultRows = (): UnsurRow[] => DEFAULT_UNSUR.map((u) => ({ code: u.code, label: u.label, weight: '' }));

/** A unit's own unsur and bobot (PermenPANRB 14/2017 lets a unit add unsur; weights empty = equal, else summing to 1). */
function UnsurEditor({
  rows,
  onChange,
  error,
}: {
  rows: UnsurRow[];
  onChange: (rows: UnsurRow[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<UnsurRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="stack">
      <legend>{t('prt.survey.unsurTitle')}</legend>
      <p className="field-hint">{t('prt.survey.unsurHint')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.map((r, i) => (
        <div key={i} className="prt-form-grid">
          <TextField
            label={t('prt.survey.unsurCode', { n: i + 1 })}
            value={r.code}
            maxLength={6}
            onChange={(e) => set(i, { code: e.target.value.toUpperCase() })}
          />
          <TextField
            label={t('prt.survey.unsurLabel', { n: i + 1 })}
            value={r.label}
            maxLength={160}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <TextField
            label={t('prt.survey.unsurWeight', { n: i + 1 })}
            inputMode="decimal"
            value={r.weight}
            onChange={(e) => set(i, { weight: e.target.value })}
          />
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            disabled={rows.length <= 1}
          >
            {t('prt.survey.unsurRemove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => onChange([...rows, { code: `U${rows.length + 1}`, label: '', weight: '' }])}
        disabled={rows.length >= 20}
      >
        {t('prt.survey.unsurAdd')}
      </button>
    </fieldset>
  );
}

function NewUnit() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const empty: UnitInput = {
    id: '',
    name: '',
    organizationId: 'bkpsdm',
    desk: '',
    periodKind: 'triwulan',
    unsur: null,
    population: 0,
  };
  const [v, setV] = useState<UnitInput>(empty);
  const [own, setOwn] = useState<UnsurRow[] | null>(null);
  const body = (): UnitInput => ({
    ...v,
    unsur: own
      ? own.map((r) => ({
          code: r.code.trim(),
          label: r.label.trim(),
          weight: r.weight.trim() === '' ? null : Number(r.weight.replace(',', '.')),
        }))
      : null,
  });
  const create = useMutation({
    mutationFn: () => participationApi.createUnit(body()),
    onSuccess: () => (setV(empty), setOwn(null), void qc.invalidateQueries({ queryKey: ['prt', 'units'] })),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <form className="form card" aria-labelledby="new-unit" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
      <h2 id="new-unit">{t('prt.survey.adminTitle')}</h2>
      <div className="prt-form-grid">
        <TextField
          label={t('prt.survey.unitId')}
          value={v.id}
          maxLength={40}
          onChange={(e) => setV({ ...v, id: e.target.value })}
          error={err?.fieldMessage('id')}
        />
        <TextField
          label={t('prt.survey.unitName')}
          value={v.name}
          maxLength={160}
          onChange={(e) => setV({ ...v, name: e.target.value })}
          error={err?.fieldMessage('name')}
        />
        <SelectField
          label={t('prt.survey.unitOpd')}
          value={v.organizationId}
          onChange={(e) => setV({ ...v, organizationId: e.target.value })}
        >
          {(orgs.data?.organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('prt.survey.desk')}
          value={v.desk ?? ''}
          maxLength={120}
          onChange={(e) => setV({ ...v, desk: e.target.value })}
        />
        <SelectField
          label={t('prt.survey.periodKind')}
          value={v.periodKind}
          onChange={(e) => setV({ ...v, periodKind: e.target.value as UnitInput['periodKind'] })}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`prt.survey.periodKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('prt.survey.population')}
          type="number"
          inputMode="numeric"
          min={0}
          value={v.population ?? 0}
          onChange={(e) => setV({ ...v, population: Number(e.target.value) })}
          error={err?.fieldMessage('population')}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={own !== null}
          onChange={(e) => setOwn(e.target.checked ? defaultRows() : null)}
        />{' '}
        {t('prt.survey.unsurOwn')}
      </label>
      {own ? <UnsurEditor rows={own} onChange={setOwn} error={err?.fieldMessage('unsur')} /> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {t('prt.survey.create')}
        </button>
      </div>
      {create.isError && !err?.fields.length ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useQuery({ queryKey: ['prt', 'units'], queryFn: participationApi.units });
  return (
    <>
      <PageTitle title={t('prt.survey.listTitle')} lead={t('prt.survey.listLead')}>
        {t('prt.survey.listTitle')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={units} isEmpty={(d) => d.units.length === 0} empty={t('prt.survey.noData')}>
        {(d) => (
          <ul className="rec-cards">
            {d.units.map((u) => (
              <li key={u.id}>
                <article className="card" aria-labelledby={`unit-${u.id}`}>
                  <h2 id={`unit-${u.id}`}>{u.name}</h2>
                  <p className="small">
                    {u.organization.name}
                    {u.desk ? ` · ${u.desk}` : ''}
                  </p>
                  <p className="small">
                    {t('prt.survey.responses', {
                      count: u.responses ?? 0,
                      period: u.currentPeriod,
                      need: u.sampleNeeded,
                    })}
                  </p>
                  <p>
                    <Link to={`/survei/${u.id}`}>{t('prt.survey.fill')}</Link> ·{' '}
                    <Link to={`/survei/${u.id}/hasil`}>{t('prt.survey.results')}</Link>
                    {me.data?.role === 'admin' ? (
                      <>
                        {' '}
                        · <a href={participationApi.posterUrl(u.id)}>{t('prt.survey.poster')}</a>
                      </>
                    ) : null}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {me.data?.role === 'admin' ? <NewUnit /> : null}
    </>
  );
}
