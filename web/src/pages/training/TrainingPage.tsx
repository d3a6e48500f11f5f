/**
 * /pelatihan — the training catalog: programmes with partner, JP, eligibility and their batches.
 * The training admin adds programmes and batches here; supervisors open a batch to nominate.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MODALITY_VALUES, PROGRAM_KIND_VALUES } from '../../../../common/contracts/development.ts';
import type { Me } from '../../../../common/contracts/identity.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { developmentApi, type Program, type ProgramInput } from '../../features/development/api.ts';
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

function ProgramForm({ partners }: { partners: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty: ProgramInput = {
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
  const [v, setV] = useState<ProgramInput>(empty);
  const rule = v.completion ?? { minAttendancePct: 0, postTestPass: null, assignmentRequired: false };
  const save = useMutation({
    mutationFn: () => developmentApi.createProgram(v),
    onSuccess: () => {
      setV(empty);
      void qc.invalidateQueries({ queryKey: ['dev', 'programs'] });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="new-program-title">
      <h3 id="new-program-title">{t('dev.training.newProgram')}</h3>
      <TextField
        label={t('dev.training.code')}
        value={v.code}
        maxLength={40}
        onChange={(e) => setV({ ...v, code: e.target.value })}
        error={err?.fieldMessage('code')}
      />
      <TextField
        label={t('dev.training.programTitle')}
        value={v.title}
        maxLength={200}
        onChange={(e) => setV({ ...v, title: e.target.value })}
        error={err?.fieldMessage('title')}
      />
      <SelectField
        label={t('dev.training.kind')}
        value={v.kind}
        onChange={(e) => setV({ ...v, kind: e.target.value as ProgramInput['kind'] })}
      >
        {PROGRAM_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t(`dev.training.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('dev.training.area')}
        value={v.competencyArea}
        maxLength={120}
        onChange={(e) => setV({ ...v, competencyArea: e.target.value })}
        error={err?.fieldMessage('competencyArea')}
      />
      <TextField
        label={t('dev.training.jpField')}
        type="number"
        inputMode="numeric"
        min={1}
        max={2000}
        value={v.jp}
        onChange={(e) => setV({ ...v, jp: Number(e.target.value) })}
        error={err?.fieldMessage('jp')}
      />
      <SelectField
        label={t('dev.training.modality')}
        value={v.modality}
        onChange={(e) => setV({ ...v, modality: e.target.value as ProgramInput['modality'] })}
      >
        {MODALITY_VALUES.map((m) => (
          <option key={m} value={m}>
            {t(`dev.training.modalities.${m}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('dev.training.partner')}
        value={v.partnerId ?? ''}
        onChange={(e) => setV({ ...v, partnerId: e.target.value || null })}
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
        value={v.costRupiah}
        onChange={(e) => setV({ ...v, costRupiah: Number(e.target.value) })}
        error={err?.fieldMessage('costRupiah')}
      />
      <TextField
        label={t('dev.training.description')}
        value={v.description}
        maxLength={2000}
        onChange={(e) => setV({ ...v, description: e.target.value })}
      />
      <fieldset>
        <legend>{t('devc.program.rule')}</legend>
        <TextField
          label={t('devc.program.minAttendance')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={rule.minAttendancePct}
          onChange={(e) => setV({ ...v, completion: { ...rule, minAttendancePct: Number(e.target.value) } })}
          error={err?.fieldMessage('completion.minAttendancePct')}
        />
        <TextField
          label={t('devc.program.postTestPass')}
          hint={t('devc.program.postTestHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={rule.postTestPass ?? ''}
          onChange={(e) =>
            setV({ ...v, completion: { ...rule, postTestPass: e.target.value === '' ? null : Number(e.target.value) } })
          }
          error={err?.fieldMessage('completion.postTestPass')}
        />
        <CheckboxField
          label={t('devc.program.assignment')}
          checked={rule.assignmentRequired}
          onChange={(e) => setV({ ...v, completion: { ...rule, assignmentRequired: e.target.checked } })}
        />
      </fieldset>
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

function BatchForm({ programs }: { programs: Program[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const empty = { name: '', startsOn: '', endsOn: '', venue: '', facilitators: '', capacity: 30 };
  const [v, setV] = useState(empty);
  const save = useMutation({
    mutationFn: () => developmentApi.createBatch(programId, v),
    onSuccess: () => {
      setV(empty);
      void qc.invalidateQueries({ queryKey: ['dev', 'programs'] });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="new-batch-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
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
        value={v.name}
        maxLength={80}
        onChange={(e) => setV({ ...v, name: e.target.value })}
        error={err?.fieldMessage('name')}
      />
      <DateField
        label={t('dev.training.startsOn')}
        value={v.startsOn}
        onChange={(value) => setV({ ...v, startsOn: value })}
        error={err?.fieldMessage('startsOn')}
      />
      <DateField
        label={t('dev.training.endsOn')}
        value={v.endsOn}
        onChange={(value) => setV({ ...v, endsOn: value })}
        error={err?.fieldMessage('endsOn')}
      />
      <TextField
        label={t('dev.training.venue')}
        value={v.venue}
        maxLength={200}
        onChange={(e) => setV({ ...v, venue: e.target.value })}
        error={err?.fieldMessage('venue')}
      />
      <TextField
        label={t('dev.training.facilitators')}
        value={v.facilitators}
        maxLength={500}
        onChange={(e) => setV({ ...v, facilitators: e.target.value })}
      />
      <TextField
        label={t('dev.training.capacity')}
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        value={v.capacity}
        onChange={(e) => setV({ ...v, capacity: Number(e.target.value) })}
        error={err?.fieldMessage('capacity')}
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
