/**
 * /daftar-warga — sign-up without NIK (issue 23 §3): a citizen (warga) to join forums and comment on
 * consultations, or an organisation that becomes an observer account and applies for accreditation.
 * The e-mail is verified with the same six-digit code as the applicant's sign-up.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { ParticipantRegisterBody } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { identityApi } from '../../features/identity/api.ts';
import {
  NewPasswordFields,
  SignupSubmit,
  SignupSuccess,
  useSignup,
} from '../../features/identity/components/SignupParts.tsx';
import '../../features/participation/i18n.ts';
import { CheckboxField, RadioGroup, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** The shared contract plus what only the form has: a confirmation and a friendlier consent message. */
const SignupForm = ParticipantRegisterBody.extend({
  consent: z.boolean().refine((v) => v, { message: 'consent.required' }),
  passwordConfirm: z.string(),
}).refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'password.mismatch' });
type SignupForm = z.infer<typeof SignupForm>;

const SERVER_FIELDS = ['kind', 'fullName', 'email', 'password', 'consent'] as const;

export function RegisterParticipantPage() {
  const { t } = useTranslation();
  const { form, fieldError, mutation, onSubmit } = useSignup<SignupForm>({
    resolver: zodResolver(SignupForm),
    defaultValues: { kind: 'citizen', fullName: '', email: '', password: '', passwordConfirm: '', consent: false },
    send: identityApi.registerParticipant,
    serverFields: SERVER_FIELDS,
  });
  const { register, watch, formState } = form;
  const organization = watch('kind') === 'organization';

  if (mutation.isSuccess) {
    const email = form.getValues('email');
    return (
      <SignupSuccess
        title={t('prt.signup.successTitle')}
        text={t('prt.signup.success', { email })}
        toVerify={t('prt.signup.toVerify')}
        email={email}
      />
    );
  }

  return (
    <section className="narrow">
      <PageTitle title={t('prt.signup.title')} lead={t('prt.signup.lead')}>
        {t('prt.signup.title')}
      </PageTitle>
      <p>
        {t('register.haveAccount')} <Link to="/masuk">{t('nav.login')}</Link> ·{' '}
        <Link to="/daftar">{t('prt.signup.applicantLink')}</Link>
      </p>

      {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}

      <form className="card form" noValidate onSubmit={onSubmit}>
        <RadioGroup
          legend={t('prt.signup.kind')}
          error={fieldError('kind')}
          options={[
            { value: 'citizen', label: t('prt.signup.citizen') },
            { value: 'organization', label: t('prt.signup.organization') },
          ]}
          input={register('kind')}
        />
        {organization ? <p className="field-note">{t('prt.signup.organizationNote')}</p> : null}
        <TextField
          label={organization ? t('prt.signup.orgName') : t('prt.signup.name')}
          hint={organization ? undefined : t('prt.signup.nameHint')}
          error={fieldError('fullName')}
          autoComplete={organization ? 'organization' : 'name'}
          {...register('fullName')}
        />
        <TextField
          label={t('prt.signup.email')}
          hint={t('prt.signup.emailHint')}
          error={fieldError('email')}
          type="email"
          autoComplete="email"
          {...register('email')}
        />
        <NewPasswordFields
          password={{
            label: t('prt.signup.password'),
            hint: t('prt.signup.passwordHint'),
            error: fieldError('password'),
            input: register('password'),
          }}
          confirm={{
            label: t('prt.signup.passwordConfirm'),
            error: fieldError('passwordConfirm'),
            input: register('passwordConfirm'),
          }}
        />
        <CheckboxField label={t('prt.signup.consent')} error={fieldError('consent')} {...register('consent')} />
        <SignupSubmit
          showSummary={Object.keys(formState.errors).length > 0 && formState.isSubmitted}
          pending={mutation.isPending}
          label={t('prt.signup.submit')}
          pendingLabel={t('prt.signup.submitting')}
        />
      </form>
    </section>
  );
}
