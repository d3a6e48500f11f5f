/** /masuk — sign in with e-mail or NIK; offers to resend the link when the e-mail is unverified. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { LoginBody } from '../../../../common/contracts/identity.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { useLogin, useMe } from '../../features/identity/hooks.ts';
import { safeNext } from '../../features/identity/links.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ResendVerificationForm } from '../verify-email/VerifyEmailPage.tsx';

const LoginForm = LoginBody.extend({
  identifier: z.string().trim().min(3, { message: 'identifier.required' }).max(254, { message: 'identifier.required' }),
  password: z.string().min(1, { message: 'required' }).max(128, { message: 'password.length' }),
});
type LoginForm = z.infer<typeof LoginForm>;

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useForm<LoginForm>({
    resolver: zodResolver(LoginForm),
    defaultValues: { identifier: '', password: '' },
  });
  const fieldError = useFieldErrors(form.formState.errors);
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const notVerified = login.error instanceof ApiError && login.error.code === 'EMAIL_NOT_VERIFIED';

  return (
    <section className="narrow">
      <PageTitle title={t('login.title')} lead={t('login.intro')}>
        {t('login.title')}
      </PageTitle>

      {notVerified ? (
        <Alert tone="warning">
          <p>{t('login.notVerified')}</p>
        </Alert>
      ) : login.isError ? (
        <ErrorAlert error={login.error} />
      ) : null}

      <form
        className="card form"
        noValidate
        onSubmit={form.handleSubmit((body) =>
          login.mutate(body, {
            onSuccess: () => navigate(next, { replace: true }),
            onError: (err) => applyServerErrors(err, form.setError, ['identifier', 'password']),
          }),
        )}
      >
        <TextField
          label={t('login.identifier')}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          error={fieldError('identifier')}
          {...form.register('identifier')}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={fieldError('password')}
          {...form.register('password')}
        />
        <button className="btn btn--primary btn--block" type="submit" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="form-links">
          <Link to="/lupa-sandi">{t('login.forgot')}</Link>
        </p>
      </form>

      {notVerified ? (
        <div className="card">
          <ResendVerificationForm />
        </div>
      ) : null}

      <p className="center">
        {t('login.noAccount')} <Link to="/daftar">{t('login.register')}</Link>
      </p>
    </section>
  );
}
