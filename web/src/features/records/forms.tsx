/** BKPSDM's forms for one person's education and competency history, the ijazah upload, and deciding a correction. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n.ts';
import {
  COMPETENCY_KIND_VALUES,
  CompetencyBody,
  CorrectionDecisionBody,
  EDUCATION_LEVEL_NAMES,
  EDUCATION_LEVEL_VALUES,
  EducationCreateBody,
  LEADERSHIP_LEVEL_NAMES,
  LEADERSHIP_LEVEL_VALUES,
} from '../../../../common/contracts/records.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import {
  type Competency,
  type CompetencyInput,
  type Correction,
  type Education,
  type EducationInput,
  recordsApi,
} from './api.ts';

const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** Adds a formal education, or edits one (`editing`); the highest mark moves with its own button. */
export function EducationForm({
  employeeId,
  editing,
  onDone,
}: {
  employeeId: string;
  editing: Education | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const headingId = useId();
  const form = useContractForm(EducationCreateBody, {
    level: editing?.level ?? 's1',
    institution: editing?.institution ?? '',
    major: editing?.major ?? '',
    graduationYear: editing?.graduationYear,
    isHighest: editing?.isHighest ?? false,
  });
  const save = useMutation({
    mutationFn: (body: EducationInput): Promise<unknown> =>
      editing
        ? recordsApi.editEducation(editing.id, {
            level: body.level,
            institution: body.institution,
            major: body.major,
            graduationYear: body.graduationYear,
          })
        : recordsApi.addEducation(employeeId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['records'] });
      onDone();
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit((b) => save.mutate(b))}
    >
      <h3 id={headingId}>{editing ? t('records.edu.editTitle') : t('records.edu.addTitle')}</h3>
      <SelectField label={t('records.edu.level')} error={form.fieldError('level')} {...form.register('level')}>
        {EDUCATION_LEVEL_VALUES.map((l) => (
          <option key={l} value={l}>
            {EDUCATION_LEVEL_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('records.edu.institution')}
        maxLength={200}
        error={form.fieldError('institution')}
        {...form.register('institution')}
      />
      <TextField
        label={t('records.edu.major')}
        maxLength={200}
        error={form.fieldError('major')}
        {...form.register('major')}
      />
      <TextField
        label={t('records.edu.year')}
        inputMode="numeric"
        maxLength={4}
        error={form.fieldError('graduationYear')}
        {...form.register('graduationYear', { setValueAs: numberOrNull })}
      />
      {editing ? null : <CheckboxField label={t('records.edu.markHighest')} {...form.register('isHighest')} />}
      <FormButtons pending={save.isPending} onCancel={onDone} />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

function FormButtons({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="btn btn--primary" disabled={pending}>
        {t('records.save')}
      </button>
      <button type="button" className="btn btn--secondary" onClick={onCancel}>
        {t('records.cancel')}
      </button>
    </div>
  );
}

const useCompetencyForm = (editing: Competency | null) =>
  useContractForm(CompetencyBody, {
    kind: editing?.kind ?? 'teknis',
    leadershipLevel: editing?.leadershipLevel ?? null,
    matchesJabatan: editing?.matchesJabatan ?? null,
    title: editing?.title ?? '',
    organizer: editing?.organizer ?? '',
    startedOn: editing?.startedOn ?? null,
    completedOn: editing?.completedOn ?? '',
    jp: editing?.jp ?? null,
  });

/** The fields only some kinds have: the level of a leadership course, whether a functional course fits the post. */
function KindFields({ form, kind }: { form: ReturnType<typeof useCompetencyForm>; kind: string }) {
  const { t } = useTranslation();
  return (
    <>
      {kind === 'kepemimpinan' ? (
        <SelectField
          label={t('records.comp.level')}
          error={form.fieldError('leadershipLevel')}
          {...form.register('leadershipLevel', { setValueAs: orNull })}
        >
          <option value="">{t('records.choose')}</option>
          {LEADERSHIP_LEVEL_VALUES.map((l) => (
            <option key={l} value={l}>
              {LEADERSHIP_LEVEL_NAMES[l]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'fungsional' ? (
        <SelectField
          label={t('records.comp.matchesLabel')}
          error={form.fieldError('matchesJabatan')}
          {...form.register('matchesJabatan', {
            setValueAs: (v) => (v === '' || v === null ? null : v === 'true' || v === true),
          })}
        >
          <option value="">{t('records.choose')}</option>
          <option value="true">{t('records.yes')}</option>
          <option value="false">{t('records.no')}</option>
        </SelectField>
      ) : null}
    </>
  );
}

/** Adds a course, or edits one (`editing`): the level for kepemimpinan, "sesuai jabatan" for fungsional, JP for teknis. */
export function CompetencyForm({
  employeeId,
  editing,
  onDone,
}: {
  employeeId: string;
  editing: Competency | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const headingId = useId();
  const form = useCompetencyForm(editing);
  const kind = form.watch('kind');
  const save = useMutation({
    mutationFn: (body: CompetencyInput): Promise<unknown> =>
      editing ? recordsApi.editCompetency(editing.id, body) : recordsApi.addCompetency(employeeId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['records'] });
      onDone();
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit((b) => save.mutate(b))}
    >
      <h3 id={headingId}>{editing ? t('records.comp.editTitle') : t('records.comp.addTitle')}</h3>
      <SelectField label={t('records.comp.kind')} error={form.fieldError('kind')} {...form.register('kind')}>
        {COMPETENCY_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {t(`records.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <KindFields form={form} kind={kind} />
      <TextField
        label={t('records.comp.title')}
        maxLength={200}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <TextField
        label={t('records.comp.organizer')}
        maxLength={200}
        error={form.fieldError('organizer')}
        {...form.register('organizer')}
      />
      <TextField
        label={t('records.comp.startedOn')}
        type="date"
        error={form.fieldError('startedOn')}
        {...form.register('startedOn', { setValueAs: orNull })}
      />
      <TextField
        label={t('records.comp.completedOn')}
        type="date"
        error={form.fieldError('completedOn')}
        {...form.register('completedOn')}
      />
      <TextField
        label={t('records.comp.jp')}
        hint={t('records.comp.jpHint')}
        inputMode="numeric"
        maxLength={4}
        error={form.fieldError('jp')}
        {...form.register('jp', { setValueAs: numberOrNull })}
      />
      <FormButtons pending={save.isPending} onCancel={onDone} />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

/** Uploads (or replaces) the ijazah PDF of one record. */
export function IjazahUpload({ education }: { education: Education }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: () => recordsApi.uploadIjazah(education.id, file!),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['records'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) send.mutate();
  };
  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <label htmlFor={id} className="small">
        {t('records.edu.ijazahFor', { level: EDUCATION_LEVEL_NAMES[education.level] })}
      </label>
      <input id={id} type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="submit" className="btn btn--secondary btn--small" disabled={!file || send.isPending}>
        {t('records.edu.upload')}
      </button>
      {send.isSuccess ? <span className="small">{t('records.edu.uploaded')}</span> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

/** BKPSDM's decision on a waiting proposal: accept or reject, with a note the employee sees. */
export function DecisionForm({ correction }: { correction: Correction }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const headingId = useId();
  const form = useContractForm(CorrectionDecisionBody, { decision: 'accepted', note: '' });
  const decide = useMutation({
    mutationFn: (body: { decision: 'accepted' | 'rejected'; note: string }) =>
      recordsApi.decideCorrection(correction.id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['records'] }),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form className="form" noValidate aria-labelledby={headingId} onSubmit={form.handleSubmit((b) => decide.mutate(b))}>
      <p id={headingId} className="sr-only">
        {t('records.corr.decideFor', { name: correction.employee.fullName })}
      </p>
      <SelectField label={t('records.corr.decision')} {...form.register('decision')}>
        <option value="accepted">{t('records.corr.accept')}</option>
        <option value="rejected">{t('records.corr.reject')}</option>
      </SelectField>
      <TextAreaField
        label={t('records.corr.note')}
        rows={2}
        maxLength={500}
        error={form.fieldError('note')}
        {...form.register('note')}
      />
      <button type="submit" className="btn btn--primary btn--small" disabled={decide.isPending}>
        {t('records.corr.send')}
      </button>
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {decide.isSuccess ? <Alert tone="success">{t('records.corr.decided')}</Alert> : null}
    </form>
  );
}
