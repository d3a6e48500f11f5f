/** /daftar — applicant self-registration with the UU 27/2022 consent and the NIK +40 explanation. */
import { zodResolver } from '@hookform/resolvers/zod';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { RegisterBody } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { identityApi } from '../../features/identity/api.ts';
import {
  NewPasswordFields,
  SignupSubmit,
  SignupSuccess,
  useSignup,
} from '../../features/identity/components/SignupParts.tsx';
import { nikDisagrees, nikHint } from '../../features/identity/nik-hint.ts';
import { CheckboxField, RadioGroup, TextField } from '../../ui/Field.tsx';
import { idDateToIso } from '../../ui/dates.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import '../../features/participation/i18n.ts';

/** The shared contract plus what only the form has: a confirmation and friendlier messages. */
const RegisterForm = RegisterBody.extend({
  birthPlace: z.string().trim().min(2, { message: 'birthPlace.length' }).max(80, { message: 'birthPlace.length' }),
  gender: z.enum(['L', 'P'], { message: 'gender.required' }),
  consent: z.boolean().refine((v) => v, { message: 'consent.required' }),
  passwordConfirm: z.string(),
}).refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'password.mismatch' });
type RegisterForm = z.infer<typeof RegisterForm>;

const SERVER_FIELDS = [
  'nik',
  'fullName',
  'birthPlace',
  'birthDate',
  'gender',
  'email',
  'phone',
  'password',
  'consent',
] as const;

type FieldErrorOf = ReturnType<typeof useFieldErrors<RegisterForm>>;

/** The NIK read back as birth date and gender while it is typed, so a typo shows before submitting. */
function useNikDecoded(nik: string) {
  const { t } = useTranslation();
  const hint = nikHint(nik);
  const months = t('months', { returnObjects: true }) as string[];
  const decoded = hint
    ? t('register.nikDecoded', {
        day: hint.day,
        month: months[hint.month - 1] ?? hint.month,
        yy: hint.yy,
        gender: hint.gender === 'P' ? t('register.female').toLowerCase() : t('register.male').toLowerCase(),
      })
    : '';
  return { hint, decoded };
}

/** The identity section: NIK (with what it says), name, place and date of birth, gender. */
function IdentityFields({ form, fieldError }: { form: UseFormReturn<RegisterForm>; fieldError: FieldErrorOf }) {
  const { t } = useTranslation();
  const { register, watch } = form;
  const { hint, decoded } = useNikDecoded(watch('nik') ?? '');
  const disagrees = nikDisagrees(hint, watch('birthDate') ?? '', watch('gender'));
  return (
    <>
      <h2>{t('register.sectionIdentity')}</h2>
      <TextField
        label={t('register.nik')}
        hint={
          <>
            {t('register.nikHint')} {t('register.nikWomen')}
          </>
        }
        error={fieldError('nik')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={16}
        {...register('nik')}
      />
      <p className="field-note" aria-live="polite">
        {decoded}
      </p>
      <TextField
        label={t('register.fullName')}
        hint={t('register.fullNameHint')}
        error={fieldError('fullName')}
        autoComplete="name"
        {...register('fullName')}
      />
      <TextField label={t('register.birthPlace')} error={fieldError('birthPlace')} {...register('birthPlace')} />
      <TextField
        label={t('register.birthDate')}
        hint={`${t('register.birthDateHint')} ${t('dates.dateHint')}`}
        error={fieldError('birthDate')}
        inputMode="numeric"
        autoComplete="bday"
        {...register('birthDate', { setValueAs: (v: string) => idDateToIso(v) ?? v.trim() })}
      />
      <RadioGroup
        legend={t('register.gender')}
        error={fieldError('gender')}
        options={[
          { value: 'L', label: t('register.male') },
          { value: 'P', label: t('register.female') },
        ]}
        input={register('gender')}
      />
      {disagrees ? <p className="field-note field-note--warn">{t('register.nikMismatch')}</p> : null}
    </>
  );
}

/** Contact, password and the consent to processing personal data (UU 27/2022). */
function ContactPasswordConsentFields({
  form,
  fieldError,
}: {
  form: UseFormReturn<RegisterForm>;
  fieldError: FieldErrorOf;
}) {
  const { t } = useTranslation();
  const { register } = form;
  return (
    <>
      <h2>{t('register.sectionContact')}</h2>
      <TextField
        label={t('register.email')}
        hint={t('register.emailHint')}
        error={fieldError('email')}
        type="email"
        autoComplete="email"
        {...register('email')}
      />
      <TextField
        label={t('register.phone')}
        hint={t('register.phoneHint')}
        error={fieldError('phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        {...register('phone')}
      />

      <h2>{t('register.sectionPassword')}</h2>
      <NewPasswordFields
        password={{
          label: t('register.password'),
          hint: t('register.passwordHint'),
          error: fieldError('password'),
          input: register('password'),
        }}
        confirm={{
          label: t('register.passwordConfirm'),
          error: fieldError('passwordConfirm'),
          input: register('passwordConfirm'),
        }}
      />

      <section className="consent" aria-labelledby="consent-title">
        <h2 id="consent-title">{t('register.consentTitle')}</h2>
        <p id="consent-purpose">{t('register.consentPurpose')}</p>
        <CheckboxField label={t('register.consent')} error={fieldError('consent')} {...register('consent')} />
      </section>
    </>
  );
}

export function RegisterPage() {
  const { t } = useTranslation();
  const { form, fieldError, mutation, onSubmit } = useSignup<RegisterForm>({
    resolver: zodResolver(RegisterForm),
    defaultValues: {
      nik: '',
      fullName: '',
      birthPlace: '',
      birthDate: '',
      email: '',
      phone: '',
      password: '',
      passwordConfirm: '',
      consent: false,
    },
    send: identityApi.register,
    serverFields: SERVER_FIELDS,
  });

  if (mutation.isSuccess) {
    const email = form.getValues('email');
    return (
      <SignupSuccess
        title={t('register.successTitle')}
        text={t('register.success', { email })}
        toVerify={t('register.toVerify')}
        email={email}
      />
    );
  }

  return (
    <section className="narrow">
      <PageTitle title={t('register.title')} lead={t('register.intro')}>
        {t('register.title')}
      </PageTitle>
      <p>
        {t('register.haveAccount')} <Link to="/masuk">{t('nav.login')}</Link>
      </p>
      <p>
        <Link to="/daftar-warga">{t('prt.signup.otherLink')}</Link>
      </p>

      {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}

      <form className="card form" noValidate onSubmit={onSubmit}>
        <IdentityFields form={form} fieldError={fieldError} />
        <ContactPasswordConsentFields form={form} fieldError={fieldError} />
        <SignupSubmit
          showSummary={Object.keys(form.formState.errors).length > 0 && form.formState.isSubmitted}
          pending={mutation.isPending}
          label={t('register.submit')}
          pendingLabel={t('register.submitting')}
        />
      </form>
    </section>
  );
}
