/**
 * /daftar-warga — sign-up without NIK (issue 23 §3): a citizen (warga) to join forums and comment on
 * consultations, or an organisation that becomes an observer account and applies for accreditation.
 * The e-mail is verified with the same six-digit code as the applicant's sign-up.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { ParticipantRegisterBody } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { identityApi } from '../../features/identity/api.ts';
import '../../features/participation/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
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
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm<SignupForm>({
    resolver: zodResolver(SignupForm),
    defaultValues: { kind: 'citizen', fullName: '', email: '', password: '', passwordConfirm: '', consent: false },
    mode: 'onTouched',
  });
  const { register, handleSubmit, watch, setError, formState } = form;
  const fieldError = useFieldErrors(formState.errors);
  const mutation = useMutation({ mutationFn: identityApi.registerParticipant });
  const successRef = useRef<HTMLHeadingElement>(null);
  const organization = watch('kind') === 'organization';

  useEffect(() => {
    if (mutation.isSuccess) successRef.current?.focus();
  }, [mutation.isSuccess]);

  const onSubmit = handleSubmit(({ passwordConfirm: _confirm, consent: _consent, ...body }) => {
    mutation.mutate({ ...body, consent: true }, { onError: (err) => applyServerErrors(err, setError, SERVER_FIELDS) });
  });

  if (mutation.isSuccess) {
    const email = form.getValues('email');
    return (
      <section className="narrow">
        <div className="card card--success">
          <h1 ref={successRef} tabIndex={-1}>
            {t('prt.signup.successTitle')}
          </h1>
          <p>{t('prt.signup.success', { email })}</p>
          <p className="muted">{t('register.successNoMail')}</p>
          <p>
            <Link className="btn btn--primary" to="/verifikasi-email" state={{ email }}>
              {t('prt.signup.toVerify')}
            </Link>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="narrow">
      <PageTitle title={t('prt.signup.title')} lead={t('prt.signup.lead')}>
        {t('prt.signup.title')}
      </PageTitle>
      <p>
        {t('register.haveAccount')} <Link to="/masuk">{t('nav.login')}</Link> · <Link to="/daftar">{t('prt.signup.applicantLink')}</Link>
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
        <TextField label={organization ? t('prt.signup.orgName') : t('prt.signup.name')} hint={organization ? undefined : t('prt.signup.nameHint')} error={fieldError('fullName')} autoComplete={organization ? 'organization' : 'name'} {...register('fullName')} />
        <TextField label={t('prt.signup.email')} hint={t('prt.signup.emailHint')} error={fieldError('email')} type="email" autoComplete="email" {...register('email')} />
        <TextField label={t('prt.signup.password')} hint={t('prt.signup.passwordHint')} error={fieldError('password')} type={showPassword ? 'text' : 'password'} autoComplete="new-password" {...register('password')} />
        <TextField label={t('prt.signup.passwordConfirm')} error={fieldError('passwordConfirm')} type={showPassword ? 'text' : 'password'} autoComplete="new-password" {...register('passwordConfirm')} />
        <CheckboxField label={t('register.showPassword')} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <CheckboxField label={t('prt.signup.consent')} error={fieldError('consent')} {...register('consent')} />
        {Object.keys(formState.errors).length > 0 && formState.isSubmitted ? <Alert tone="error">{t('errors.formSummary')}</Alert> : null}
        <button className="btn btn--primary btn--block" type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('prt.signup.submitting') : t('prt.signup.submit')}
        </button>
      </form>
    </section>
  );
}
