/**
 * Every cell of one instrument version with its source note and a "sementara" mark where no source
 * settles it; saving never changes the version shown but stores a new one based on it. The
 * contract's schema checks the shape in the browser; the server's per-cell messages (points
 * within the dimension's maximum, grades and bands descending) land next to their inputs.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SaveInstrumentBody } from '../../../../common/contracts/ip-asn.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { type IpInstrument, type IpInstrumentBody, ipAsnApi, type SaveInstrumentInput } from './api.ts';
import './i18n.ts';

type Form = ReturnType<typeof useContractForm<SaveInstrumentInput, unknown>>;
type P = Path<SaveInstrumentInput>;

const GROUPS: { key: string; path: string; cells: readonly string[] }[] = [
  { key: 'education', path: 'body.education', cells: ['s3', 's2', 's1_d4', 'd3', 'd2_d1_sma', 'smp_sd'] },
  { key: 'structural', path: 'body.kompetensi.structural', cells: ['kepemimpinan', 'teknis', 'seminar'] },
  { key: 'fungsional', path: 'body.kompetensi.fungsional', cells: ['fungsional', 'teknis', 'seminar'] },
  { key: 'pelaksana', path: 'body.kompetensi.pelaksana', cells: ['teknis', 'seminar'] },
  {
    key: 'kinerja',
    path: 'body.kinerja',
    cells: ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'],
  },
  { key: 'disiplin', path: 'body.disiplin', cells: ['none', 'ringan', 'sedang', 'berat'] },
];
const SETTINGS = ['teknisMinJp', 'teknisWindowMonths', 'seminarWindowMonths'] as const;
const MAXIMA = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
const BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;

/** Every path the server may name: the form's fields and the groups it checks as a whole. */
const SERVER_FIELDS = [
  'version',
  'note',
  'body.maxima',
  'body.bands',
  ...MAXIMA.map((m) => `body.maxima.${m}`),
  ...BANDS.map((_, i) => `body.bands.${i}.min`),
  ...GROUPS.flatMap((g) => [g.path, ...g.cells.map((c) => `${g.path}.${c}.points`)]),
  'body.kompetensi.structural',
  ...SETTINGS.map((s) => `body.${s}.points`),
] as P[];

function CellEditor({ form, path, name }: { form: Form; path: string; name: string }) {
  const { t } = useTranslation();
  const verified = form.watch(`${path}.verified` as P) as unknown as boolean;
  return (
    <fieldset className={`ipasn-cell${verified ? '' : ' ipasn-cell--provisional'}`}>
      <legend>
        {name} {verified ? null : <span className="badge badge--warn">{t('ipasn.person.provisional')}</span>}
      </legend>
      <TextField
        label={t('ipasn.instrument.points', { name })}
        type="number"
        step="0.5"
        inputMode="decimal"
        error={form.fieldError(`${path}.points` as P)}
        {...form.register(`${path}.points` as P, { valueAsNumber: true })}
      />
      <CheckboxField label={t('ipasn.instrument.verified')} {...form.register(`${path}.verified` as P)} />
      <TextField
        label={t('ipasn.instrument.note', { name })}
        error={form.fieldError(`${path}.note` as P)}
        {...form.register(`${path}.note` as P)}
      />
    </fieldset>
  );
}

function CellGroups({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <>
      {GROUPS.map((g) => (
        <fieldset key={g.key} className="ipasn-fieldset">
          <legend>
            <strong>{t(`ipasn.instrument.${g.key}`)}</strong>
          </legend>
          {form.fieldError(g.path as P) ? <p className="field-error">{form.fieldError(g.path as P)}</p> : null}
          <div className="ipasn-cells">
            {g.cells.map((c) => (
              <CellEditor key={c} form={form} path={`${g.path}.${c}`} name={t(`ipasn.cell.${c}`)} />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

function Settings({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="ipasn-fieldset">
        <legend>
          <strong>{t('ipasn.instrument.maxima')}</strong>
        </legend>
        {form.fieldError('body.maxima' as P) ? (
          <p className="field-error">{form.fieldError('body.maxima' as P)}</p>
        ) : null}
        <div className="ipasn-cells">
          {MAXIMA.map((m) => (
            <TextField
              key={m}
              label={t(`ipasn.dims.${m}`)}
              type="number"
              error={form.fieldError(`body.maxima.${m}` as P)}
              {...form.register(`body.maxima.${m}` as P, { valueAsNumber: true })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="ipasn-fieldset">
        <legend>
          <strong>{t('ipasn.instrument.settings')}</strong>
        </legend>
        <div className="ipasn-cells">
          {SETTINGS.map((s) => (
            <CellEditor key={s} form={form} path={`body.${s}`} name={t(`ipasn.instrument.${s}`)} />
          ))}
        </div>
        <CheckboxField label={t('ipasn.instrument.accumulates')} {...form.register('body.teknisAccumulates' as P)} />
        <SelectField label={t('ipasn.instrument.disiplinWindow')} {...form.register('body.disiplinWindow' as P)}>
          <option value="year">{t('ipasn.instrument.windowYear')}</option>
          <option value="year+masa">{t('ipasn.instrument.windowMasa')}</option>
        </SelectField>
      </fieldset>
      <fieldset className="ipasn-fieldset">
        <legend>
          <strong>{t('ipasn.instrument.bands')}</strong>
        </legend>
        {form.fieldError('body.bands' as P) ? (
          <p className="field-error">{form.fieldError('body.bands' as P)}</p>
        ) : null}
        <div className="ipasn-cells">
          {BANDS.map((b, i) => (
            <TextField
              key={b}
              label={t(`ipasn.band.${b}`)}
              type="number"
              error={form.fieldError(`body.bands.${i}.min` as P)}
              {...form.register(`body.bands.${i}.min` as P, { valueAsNumber: true })}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** The editor of one version: its cells as a form whose submit stores a new version based on it. */
export function InstrumentEditor({
  instrument,
  onSaved,
}: {
  instrument: IpInstrument;
  /** The page shows the confirmation (this editor is replaced by the new version's). */
  onSaved: (saved: { id: string; version: string }) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [rest, setRest] = useState<{ field: string; message: string }[]>([]);
  const form = useContractForm(
    SaveInstrumentBody,
    { version: '', basedOn: instrument.id, note: '', body: structuredClone(instrument.body) as IpInstrumentBody },
    { serverFields: SERVER_FIELDS },
  ) as unknown as Form;
  const save = useMutation({
    mutationFn: (body: SaveInstrumentInput) => ipAsnApi.saveInstrument(body),
    onSuccess: (saved) => {
      setRest([]);
      onSaved(saved);
      void qc.invalidateQueries({ queryKey: ['ipasn'] });
    },
    onError: (e) => setRest(form.showServerErrors(e)),
  });
  const headingId = `ipasn-cells-${instrument.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('ipasn.instrument.cells', { version: instrument.version })}</h2>
      <p className="small">{t('ipasn.instrument.cellsLead')}</p>
      <form noValidate onSubmit={form.handleSubmit((body) => save.mutate(body as SaveInstrumentInput))}>
        <Settings form={form} />
        <CellGroups form={form} />
        <TextField
          label={t('ipasn.instrument.newVersion')}
          hint={t('ipasn.instrument.newVersionHint')}
          error={form.fieldError('version')}
          {...form.register('version')}
        />
        <TextField label={t('ipasn.instrument.reason')} error={form.fieldError('note')} {...form.register('note')} />
        {rest.length > 0 ? (
          <Alert tone="error">
            <p>{t('ipasn.instrument.fix')}</p>
            <ul>
              {rest.map((r) => (
                <li key={r.field}>{r.message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('ipasn.instrument.save')}
          </button>
        </div>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </form>
    </section>
  );
}
