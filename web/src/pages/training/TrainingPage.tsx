/**
 * /pelatihan — the training catalog: programmes with partner, JP, eligibility and their batches.
 * The training admin adds programmes and batches here; supervisors open a batch to nominate.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import {
  BatchBody,
  MODALITY_VALUES,
  PROGRAM_KIND_VALUES,
  ProgramBody,
} from '../../../../common/contracts/development.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { type BatchInput, developmentApi, type Program, type ProgramInput } from '../../features/development/api.ts';
import '../../features/development/development.css';
import '../../features/development/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import '../../features/development/i18n-completion.ts';
import { PartnerFeedback } from '../../features/development/components/BatchCompletion.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const rupiah = (n: number, lang: 'id' | 'en') =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(n);

/** The contract's programme body; no partner is the empty choice (null). */
const ProgramFormSchema = ProgramBody.extend({ partnerId: blankAsNull(ProgramBody.shape.partnerId) });
const emptyProgram: z.input<typeof ProgramFormSchema> = {
  code: '',
  title: '',
  kind: 'teknis',
  competencyArea: '',
  jp: 8,
  modality: 'klasikal',
  partnerId: null,
  eligibility: {},
  costRupiah: 0,
  description: '',
  completion: { minAttendancePct: 80, postTestPass: null, assignmentRequired: false },
};
const useProgramForm = () =>
  useContractForm(ProgramFormSchema, emptyProgram, {
    serverFields: [
      'code',
      'title',
      'kind',
      'competencyArea',
      'jp',
      'modality',
      'partnerId',
      'costRupiah',
      'description',
      'completion.minAttendancePct',
      'completion.postTestPass',
    ],
  });
type ProgramFormApi = ReturnType<typeof useProgramForm>;
/** An empty number field is "no post-test pass score" (null). */
const numberOrNull = (v: unknown) => (v === '' || v === null ? null : Number(v));

function ProgramForm({ partners }: { partners: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useProgramForm();
  const save = useMutation({
    mutationFn: (body: ProgramInput) => developmentApi.createProgram(body),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: ['dev', 'programs'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
      aria-labelledby="new-program-title"
    >
      <h3 id="new-program-title">{t('dev.training.newProgram')}</h3>
      <ProgramFields form={form} partners={partners} />
      <CompletionRule form={form} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('dev.training.save')}
        </button>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('dev.training.saved')}</Alert> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

function ProgramFields({ form, partners }: { form: ProgramFormApi; partners: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('dev.training.code')}
        maxLength={40}
        error={form.fieldError('code')}
        {...form.register('code')}
      />
      <TextField
        label={t('dev.training.programTitle')}
        maxLength={200}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <SelectField label={t('dev.training.kind')} error={form.fieldError('kind')} {...form.register('kind')}>
        {PROGRAM_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t(`dev.training.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('dev.training.area')}
        maxLength={120}
        error={form.fieldError('competencyArea')}
        {...form.register('competencyArea')}
      />
      <TextField
        label={t('dev.training.jpField')}
        type="number"
        inputMode="numeric"
        min={1}
        max={2000}
        error={form.fieldError('jp')}
        {...form.register('jp', { valueAsNumber: true })}
      />
      <SelectField
        label={t('dev.training.modality')}
        error={form.fieldError('modality')}
        {...form.register('modality')}
      >
        {MODALITY_VALUES.map((m) => (
          <option key={m} value={m}>
            {t(`dev.training.modalities.${m}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('dev.training.partner')}
        error={form.fieldError('partnerId')}
        {...form.register('partnerId')}
      >
        <option value="">{t('dev.training.noPartner')}</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('dev.training.costField')}
        type="number"
        inputMode="numeric"
        min={0}
        error={form.fieldError('costRupiah')}
        {...form.register('costRupiah', { valueAsNumber: true })}
      />
      <TextField
        label={t('dev.training.description')}
        maxLength={2000}
        error={form.fieldError('description')}
        {...form.register('description')}
      />
    </>
  );
}

/** What completing the programme takes: attendance share, post-test pass score, the assignment. */
function CompletionRule({ form }: { form: ProgramFormApi }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('devc.program.rule')}</legend>
      <TextField
        label={t('devc.program.minAttendance')}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        error={form.fieldError('completion.minAttendancePct')}
        {...form.register('completion.minAttendancePct', { valueAsNumber: true })}
      />
      <TextField
        label={t('devc.program.postTestPass')}
        hint={t('devc.program.postTestHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        error={form.fieldError('completion.postTestPass')}
        {...form.register('completion.postTestPass', { setValueAs: numberOrNull })}
      />
      <CheckboxField label={t('devc.program.assignment')} {...form.register('completion.assignmentRequired')} />
    </fieldset>
  );
}

const emptyBatch = { name: '', startsOn: '', endsOn: '', venue: '', facilitators: '', capacity: 30 };

function BatchForm({ programs }: { programs: Program[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const form = useContractForm(BatchBody, emptyBatch);
  const save = useMutation({
    mutationFn: (body: BatchInput) => developmentApi.createBatch(programId, body),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: ['dev', 'programs'] });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="new-batch-title"
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h3 id="new-batch-title">{t('dev.training.newBatch')}</h3>
      <SelectField label={t('dev.training.batchFor')} value={programId} onChange={(e) => setProgramId(e.target.value)}>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('dev.training.batchName')}
        maxLength={80}
        error={form.fieldError('name')}
        {...form.register('name')}
      />
      {(['startsOn', 'endsOn'] as const).map((name) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <DateField
              label={t(`dev.training.${name}`)}
              value={field.value}
              onChange={field.onChange}
              error={form.fieldError(name)}
            />
          )}
        />
      ))}
      <TextField
        label={t('dev.training.venue')}
        maxLength={200}
        error={form.fieldError('venue')}
        {...form.register('venue')}
      />
      <TextField
        label={t('dev.training.facilitators')}
        maxLength={500}
        error={form.fieldError('facilitators')}
        {...form.register('facilitators')}
      />
      <TextField
        label={t('dev.training.capacity')}
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        error={form.fieldError('capacity')}
        {...form.register('capacity', { valueAsNumber: true })}
      />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending || !programId}>
          {t('dev.training.save')}
        </button>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('dev.training.saved')}</Alert> : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

function Catalog({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const programs = useQuery({ queryKey: ['dev', 'programs'], queryFn: developmentApi.programs });
  const partners = useQuery({
    queryKey: ['dev', 'partners'],
    queryFn: developmentApi.partners,
    enabled: me.role === 'training_admin',
  });
  return (
    <>
      <PageTitle title={t('dev.training.title')} lead={t('dev.training.lead')}>
        {t('dev.training.title')}
      </PageTitle>
      <p className="actions">
        <Link to="/jp">{t('dev.training.navJp')}</Link>
      </p>
      {programs.isPending ? <Loading label={t('app.loading')} /> : null}
      {programs.isError ? <ErrorAlert error={programs.error} /> : null}
      {programs.data && programs.data.programs.length === 0 ? <p>{t('dev.training.empty')}</p> : null}
      <ul className="rec-cards">
        {programs.data?.programs.map((p) => (
          <li key={p.id}>
            <article className="card" aria-labelledby={`prog-${p.id}`}>
              <h2 id={`prog-${p.id}`}>{p.title}</h2>
              <p>
                <span className="badge">{t(`dev.training.kinds.${p.kind}`)}</span>{' '}
                <span className="badge badge--ok">{t('dev.training.jp', { count: p.jp })}</span>{' '}
                <span className="badge">{t(`dev.training.modalities.${p.modality}`)}</span>
              </p>
              {p.description ? <p className="small">{p.description}</p> : null}
              <dl className="facts facts--inline">
                <div>
                  <dt>{t('dev.training.partner')}</dt>
                  <dd>{p.partner?.name ?? t('dev.training.noPartner')}</dd>
                </div>
                <div>
                  <dt>{t('dev.training.eligibility')}</dt>
                  <dd>
                    {p.eligibility.statuses?.length ? p.eligibility.statuses.join(', ') : t('dev.training.everyone')}
                  </dd>
                </div>
                <div>
                  <dt>{t('dev.training.cost')}</dt>
                  <dd>{rupiah(p.costRupiah, lang)}</dd>
                </div>
                <div>
                  <dt>{t('devc.program.rule')}</dt>
                  <dd>
                    {[
                      p.completion.minAttendancePct > 0
                        ? t('devc.scores.ruleAttendance', { pct: p.completion.minAttendancePct })
                        : null,
                      p.completion.postTestPass !== null
                        ? t('devc.scores.rulePost', { score: p.completion.postTestPass })
                        : null,
                      p.completion.assignmentRequired ? t('devc.scores.ruleAssignment') : null,
                    ]
                      .filter(Boolean)
                      .join('; ') || t('devc.program.noRule')}
                  </dd>
                </div>
              </dl>
              <h3>{t('dev.training.batches')}</h3>
              {p.batches.length === 0 ? <p className="small muted">{t('dev.training.noBatches')}</p> : null}
              <ul className="plain">
                {p.batches.map((b) => (
                  <li key={b.id}>
                    <Link
                      to={`/pelatihan/angkatan/${b.id}`}
                      aria-label={t('dev.training.openBatch', { name: b.name, program: p.title })}
                    >
                      {b.name}
                    </Link>{' '}
                    · {formatCalendarDate(b.startsOn, lang)} – {formatCalendarDate(b.endsOn, lang)} · {b.venue} ·{' '}
                    {t('dev.training.seats', { seated: b.seated, capacity: b.capacity })}
                    {b.waiting > 0 ? ` · ${t('dev.training.waiting', { count: b.waiting })}` : ''} ·{' '}
                    {t(`dev.training.status.${b.status}`)}
                  </li>
                ))}
              </ul>
            </article>
          </li>
        ))}
      </ul>
      {me.role === 'training_admin' || me.role === 'admin' ? <PartnerFeedback /> : null}
      {me.role === 'training_admin' && partners.data ? (
        <section className="card dev-forms" aria-label={t('dev.training.newProgram')}>
          <ProgramForm partners={partners.data.partners} />
          {programs.data && programs.data.programs.length > 0 ? <BatchForm programs={programs.data.programs} /> : null}
        </section>
      ) : null}
    </>
  );
}

export function TrainingPage() {
  return <RequireAuth roles={['admin', 'training_admin', 'supervisor']}>{(me) => <Catalog me={me} />}</RequireAuth>;
}
