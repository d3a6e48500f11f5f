/** /biodata — the applicant's profile as on the diploma (education, flags, work experience). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type UseFieldArrayReturn, type UseFormReturn, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { EDUCATION_LEVELS, type Profile } from '../../../../common/contracts/recruitment.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { validationText } from '../../app/i18n.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { recKey, useLang } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/recruitment/i18n.ts';

const text = (min: number, max: number) => z.string().trim().min(min, 'required').max(max, 'generic');
const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'generic');

const ProfileForm = z.object({
  nameOnIjazah: text(2, 120),
  educationLevel: z.enum(EDUCATION_LEVELS, { message: 'required' }),
  major: text(2, 120),
  institution: text(2, 160),
  ipk: z
    .string()
    .trim()
    .regex(/^$|^[0-4](\.\d{1,2})?$/, 'generic'),
  graduationYear: year,
  ijazahNumber: text(3, 60),
  isCumlaude: z.boolean(),
  hasDisability: z.boolean(),
  disabilityNote: z.string().max(200, 'generic'),
  isPapuan: z.boolean(),
  isDiaspora: z.boolean(),
  experience: z
    .array(
      z.object({
        employer: text(2, 160),
        position: text(2, 120),
        fromYear: year,
        toYear: z
          .string()
          .trim()
          .regex(/^$|^\d{4}$/, 'generic'),
      }),
    )
    .max(20),
});
type FormIn = z.input<typeof ProfileForm>;
type FormOut = z.output<typeof ProfileForm>;

const toForm = (p: Profile | null): FormIn => ({
  nameOnIjazah: p?.nameOnIjazah ?? '',
  educationLevel: (p?.educationLevel ?? '') as FormIn['educationLevel'],
  major: p?.major ?? '',
  institution: p?.institution ?? '',
  ipk: p?.ipk != null ? p.ipk.toFixed(2) : '',
  graduationYear: p ? String(p.graduationYear) : '',
  ijazahNumber: p?.ijazahNumber ?? '',
  isCumlaude: p?.isCumlaude ?? false,
  hasDisability: p?.hasDisability ?? false,
  disabilityNote: p?.disabilityNote ?? '',
  isPapuan: p?.isPapuan ?? false,
  isDiaspora: p?.isDiaspora ?? false,
  experience: (p?.experience ?? []).map((e) => ({
    employer: e.employer,
    position: e.position,
    fromYear: String(e.fromYear),
    toYear: e.toYear ? String(e.toYear) : '',
  })),
});

const toProfile = (f: z.output<typeof ProfileForm>): Profile => ({
  nameOnIjazah: f.nameOnIjazah,
  educationLevel: f.educationLevel,
  major: f.major,
  institution: f.institution,
  ipk: f.ipk ? Math.round(Number(f.ipk) * 100) / 100 : null,
  graduationYear: Number(f.graduationYear),
  ijazahNumber: f.ijazahNumber,
  isCumlaude: f.isCumlaude,
  hasDisability: f.hasDisability,
  disabilityNote: f.hasDisability && f.disabilityNote.trim() ? f.disabilityNote.trim() : null,
  isPapuan: f.isPapuan,
  isDiaspora: f.isDiaspora,
  experience: f.experience.map((e) => ({
    employer: e.employer,
    position: e.position,
    fromYear: Number(e.fromYear),
    toYear: e.toYear ? Number(e.toYear) : null,
  })),
});

const FIELDS = [
  'nameOnIjazah',
  'educationLevel',
  'major',
  'institution',
  'ipk',
  'graduationYear',
  'ijazahNumber',
  'disabilityNote',
] as const;

/** The diploma/affirmation checkboxes; the disability note shows only when that flag is ticked. */
function FlagsFieldset({
  form,
  fieldError,
}: {
  form: UseFormReturn<FormIn, unknown, FormOut>;
  fieldError: ReturnType<typeof useFieldErrors<FormIn>>;
}) {
  const { t } = useTranslation();
  const hasDisability = form.watch('hasDisability');
  return (
    <fieldset className="field">
      <legend>{t('rec.biodata.flags')}</legend>
      <CheckboxField label={t('rec.biodata.isCumlaude')} {...form.register('isCumlaude')} />
      <CheckboxField label={t('rec.biodata.hasDisability')} {...form.register('hasDisability')} />
      {hasDisability ? (
        <TextField
          label={t('rec.biodata.disabilityNote')}
          error={fieldError('disabilityNote')}
          {...form.register('disabilityNote')}
        />
      ) : null}
      <CheckboxField label={t('rec.biodata.isPapuan')} {...form.register('isPapuan')} />
      <CheckboxField label={t('rec.biodata.isDiaspora')} {...form.register('isDiaspora')} />
    </fieldset>
  );
}

/** The repeatable work-experience rows of the biodata form. */
function ExperienceFieldset({
  form,
  experience,
}: {
  form: UseFormReturn<FormIn, unknown, FormOut>;
  experience: UseFieldArrayReturn<FormIn, 'experience'>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const expErrors = form.formState.errors.experience;
  return (
    <fieldset className="field">
      <legend>{t('rec.biodata.experience')}</legend>
      {experience.fields.length === 0 ? <p className="muted">{t('rec.biodata.noExperience')}</p> : null}
      {experience.fields.map((item, i) => {
        const err = expErrors?.[i];
        const msg = (m: string | undefined) => (m ? validationText(m, lang) : undefined);
        return (
          <fieldset key={item.id} className="field">
            <legend>{t('rec.biodata.experienceN', { n: i + 1 })}</legend>
            <TextField
              label={t('rec.biodata.employer')}
              error={msg(err?.employer?.message)}
              {...form.register(`experience.${i}.employer`)}
            />
            <TextField
              label={t('rec.biodata.position')}
              error={msg(err?.position?.message)}
              {...form.register(`experience.${i}.position`)}
            />
            <TextField
              label={t('rec.biodata.fromYear')}
              inputMode="numeric"
              maxLength={4}
              error={msg(err?.fromYear?.message)}
              {...form.register(`experience.${i}.fromYear`)}
            />
            <TextField
              label={t('rec.biodata.toYear')}
              inputMode="numeric"
              maxLength={4}
              error={msg(err?.toYear?.message)}
              {...form.register(`experience.${i}.toYear`)}
            />
            <button type="button" className="btn btn--ghost btn--small" onClick={() => experience.remove(i)}>
              {t('rec.biodata.removeExperience', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => experience.append({ employer: '', position: '', fromYear: '', toYear: '' })}
      >
        {t('rec.biodata.addExperience')}
      </button>
    </fieldset>
  );
}

function BiodataForm({ initial }: { initial: Profile | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ProfileForm),
    defaultValues: toForm(initial),
  });
  const experience = useFieldArray({ control: form.control, name: 'experience' });
  const fieldError = useFieldErrors(form.formState.errors);
  const save = useMutation({
    mutationFn: recruitmentApi.saveProfile,
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  useEffect(() => form.reset(toForm(initial)), [initial, form]);

  return (
    <form
      className="card form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        save.mutate(toProfile(values), { onError: (err) => applyServerErrors(err, form.setError, [...FIELDS]) });
      })}
    >
      {save.isSuccess ? (
        <Alert tone="success">
          <p>{t('rec.biodata.saved')}</p>
          <p>
            <Link to="/formasi">{t('rec.biodata.toCatalog')}</Link>
          </p>
        </Alert>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <TextField
        label={t('rec.biodata.nameOnIjazah')}
        autoComplete="name"
        error={fieldError('nameOnIjazah')}
        {...form.register('nameOnIjazah')}
      />
      <SelectField
        label={t('rec.biodata.educationLevel')}
        error={fieldError('educationLevel')}
        {...form.register('educationLevel')}
      >
        <option value="">{t('rec.biodata.choose')}</option>
        {EDUCATION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('rec.biodata.major')}
        hint={t('rec.biodata.majorHint')}
        error={fieldError('major')}
        {...form.register('major')}
      />
      <TextField
        label={t('rec.biodata.institution')}
        error={fieldError('institution')}
        {...form.register('institution')}
      />
      <TextField
        label={t('rec.biodata.ipk')}
        hint={t('rec.biodata.ipkHint')}
        inputMode="decimal"
        error={fieldError('ipk')}
        {...form.register('ipk')}
      />
      <TextField
        label={t('rec.biodata.graduationYear')}
        inputMode="numeric"
        maxLength={4}
        error={fieldError('graduationYear')}
        {...form.register('graduationYear')}
      />
      <TextField
        label={t('rec.biodata.ijazahNumber')}
        error={fieldError('ijazahNumber')}
        {...form.register('ijazahNumber')}
      />
      <FlagsFieldset form={form} fieldError={fieldError} />
      <ExperienceFieldset form={form} experience={experience} />
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('rec.biodata.submit')}
      </button>
    </form>
  );
}

function Biodata() {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: [...recKey, 'profile'], queryFn: recruitmentApi.profile });
  return (
    <>
      <PageTitle title={t('rec.biodata.title')} lead={t('rec.biodata.lead')}>
        {t('rec.biodata.title')}
      </PageTitle>
      {profile.isPending ? <Loading label={t('app.loading')} /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} /> : null}
      {profile.data ? <BiodataForm initial={profile.data.profile} /> : null}
    </>
  );
}

export function BiodataPage() {
  return <RequireAuth roles={['applicant']}>{() => <Biodata />}</RequireAuth>;
}
