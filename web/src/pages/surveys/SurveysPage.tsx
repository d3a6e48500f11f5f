/** /survei — the service units surveyed (SKM), this period's respondents against the sample needed; BKPSDM's admin adds units and prints the QR posters. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import {
  DEFAULT_UNSUR,
  PERIOD_KINDS,
  ServiceUnitBody,
  UnsurInput,
} from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe, useOrganizations } from '../../features/identity/hooks.ts';
import { participationApi, type UnitInput } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** An unsur row as typed: the weight as "0,5" (blank = equal weights), checked as the contract's number. */
const UnsurRowForm = UnsurInput.extend({
  weight: z
    .string()
    .transform((w) => (w.trim() === '' ? null : Number(w.replace(',', '.'))))
    .pipe(UnsurInput.shape.weight),
});
type UnsurRow = z.input<typeof UnsurRowForm>;
const defaultRows = (): UnsurRow[] => DEFAULT_UNSUR.map((u) => ({ code: u.code, label: u.label, weight: '' }));

const UnitFields = ServiceUnitBody.extend({
  /** "Use own unsur and weights": without it the rows are not sent (null = the nine at equal weights). */
  own: z.boolean(),
  unsur: z.array(UnsurRowForm).min(1).max(20).optional(),
});
/** The contract's body with the unsur rows checked only when the unit has its own. */
const UnitForm = z
  .preprocess(
    (v) => (v && typeof v === 'object' && !(v as { own?: unknown }).own ? { ...v, unsur: undefined } : v),
    UnitFields,
  )
  .transform(({ own, unsur, ...body }) => ({ ...body, unsur: own && unsur ? unsur : null })) as unknown as z.ZodType<
  z.output<typeof ServiceUnitBody>,
  z.input<typeof UnitFields>
>;
const useUnitForm = () =>
  useContractForm(
    UnitForm,
    {
      id: '',
      name: '',
      organizationId: 'bkpsdm',
      desk: '',
      periodKind: 'triwulan',
      population: 0,
      own: false,
      unsur: defaultRows(),
    },
    { serverFields: ['id', 'name', 'organizationId', 'desk', 'periodKind', 'population', 'unsur'] },
  );
type UnitFormApi = ReturnType<typeof useUnitForm>;

/** A unit's own unsur and bobot (PermenPANRB 14/2017 lets a unit add unsur; weights empty = equal, else summing to 1). */
function UnsurEditor({ form }: { form: UnitFormApi }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: form.control, name: 'unsur' });
  const errors = form.formState.errors.unsur;
  const error = errors?.root
    ? form.fieldError('unsur.root' as 'unsur')
    : errors?.message
      ? form.fieldError('unsur')
      : undefined;
  return (
    <fieldset className="stack">
      <legend>{t('prt.survey.unsurTitle')}</legend>
      <p className="field-hint">{t('prt.survey.unsurHint')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.fields.map((r, i) => {
        const code = form.register(`unsur.${i}.code`);
        return (
          <div key={r.id} className="prt-form-grid">
            <TextField
              label={t('prt.survey.unsurCode', { n: i + 1 })}
              maxLength={6}
              error={form.fieldError(`unsur.${i}.code`)}
              {...code}
              onChange={(e) => ((e.target.value = e.target.value.toUpperCase()), code.onChange(e))}
            />
            <TextField
              label={t('prt.survey.unsurLabel', { n: i + 1 })}
              maxLength={160}
              error={form.fieldError(`unsur.${i}.label`)}
              {...form.register(`unsur.${i}.label`)}
            />
            <TextField
              label={t('prt.survey.unsurWeight', { n: i + 1 })}
              inputMode="decimal"
              error={form.fieldError(`unsur.${i}.weight`)}
              {...form.register(`unsur.${i}.weight`)}
            />
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => rows.remove(i)}
              disabled={rows.fields.length <= 1}
            >
              {t('prt.survey.unsurRemove', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => rows.append({ code: `U${rows.fields.length + 1}`, label: '', weight: '' })}
        disabled={rows.fields.length >= 20}
      >
        {t('prt.survey.unsurAdd')}
      </button>
    </fieldset>
  );
}

function UnitFieldsGrid({ form }: { form: UnitFormApi }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  return (
    <div className="prt-form-grid">
      <TextField label={t('prt.survey.unitId')} maxLength={40} error={form.fieldError('id')} {...form.register('id')} />
      <TextField
        label={t('prt.survey.unitName')}
        maxLength={160}
        error={form.fieldError('name')}
        {...form.register('name')}
      />
      <SelectField
        label={t('prt.survey.unitOpd')}
        error={form.fieldError('organizationId')}
        {...form.register('organizationId')}
      >
        {(orgs.data?.organizations ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prt.survey.desk')}
        maxLength={120}
        error={form.fieldError('desk')}
        {...form.register('desk')}
      />
      <SelectField
        label={t('prt.survey.periodKind')}
        error={form.fieldError('periodKind')}
        {...form.register('periodKind')}
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
        error={form.fieldError('population')}
        {...form.register('population', { valueAsNumber: true })}
      />
    </div>
  );
}

function NewUnit() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useUnitForm();
  const own = form.watch('own');
  const create = useMutation({
    mutationFn: (body: UnitInput) => participationApi.createUnit(body),
    onSuccess: () => (form.reset(), void qc.invalidateQueries({ queryKey: ['prt', 'units'] })),
    onError: (e) => form.showServerErrors(e),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const ownField = form.register('own', {
    // Ticking again starts from the nine default unsur, as a fresh editor.
    onChange: (e: { target: { checked: boolean } }) => {
      if (e.target.checked) form.setValue('unsur', defaultRows());
    },
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="new-unit"
      onSubmit={form.handleSubmit((body) => create.mutate(body))}
    >
      <h2 id="new-unit">{t('prt.survey.adminTitle')}</h2>
      <UnitFieldsGrid form={form} />
      <label className="checkbox">
        <input type="checkbox" {...ownField} /> {t('prt.survey.unsurOwn')}
      </label>
      {own ? <UnsurEditor form={form} /> : null}
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
