/** /verifikasi-email?token= — verifies on arrival; also accepts a pasted code and resends links. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { EmailBody, VerifyCodeBody } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { identityApi } from '../../features/identity/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';

export function ResendVerificationForm({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const form = useForm<{ email: string }>({ resolver: zodResolver(EmailBody), defaultValues: { email: '' } });
  const fieldError = useFieldErrors(form.formState.errors);
  const resend = useMutation({ mutationFn: identityApi.resendVerification });
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(({ email }) =>
        resend.mutate(email, { onError: (err) => applyServerErrors(err, form.setError, ['email']) }),
      )}
    >
      <H>{t('verify.resendTitle')}</H>
      <p className="muted">{t('verify.resendIntro')}</p>
      <TextField
        label={t('verify.email')}
        type="email"
        autoComplete="email"
        error={fieldError('email')}
        {...form.register('email')}
      />
      {resend.isSuccess ? <Alert tone="success">{t('verify.resent')}</Alert> : null}
      {resend.isError ? <ErrorAlert error={resend.error} /> : null}
      <button className="btn btn--secondary" type="submit" disabled={resend.isPending}>
        {t('verify.resendSubmit')}
      </button>
    </form>
  );
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const urlToken = params.get('token');
  const verify = useMutation({ mutationFn: identityApi.verifyEmail });
  const verifyCode = useMutation({ mutationFn: identityApi.verifyEmailCode });
  // The register page hands over the address in router state (never in the URL, which is logged).
  const location = useLocation();
  const stateEmail = (location.state as { email?: unknown } | null)?.email;
  const done = verify.isSuccess || verifyCode.isSuccess;
  const started = useRef<string | null>(null);

  useEffect(() => {
    // Tokens are single-use: never send the same one twice (StrictMode runs effects twice).
    if (urlToken && started.current !== urlToken) {
      started.current = urlToken;
      verify.mutate(urlToken);
    }
  }, [urlToken, verify]);

  const codeForm = useForm<{ email: string; code: string }>({
    resolver: zodResolver(VerifyCodeBody),
    defaultValues: { email: typeof stateEmail === 'string' ? stateEmail : '', code: '' },
  });
  const fieldError = useFieldErrors(codeForm.formState.errors);

  return (
    <section className="narrow">
      <PageTitle title={t('verify.title')}>{t('verify.title')}</PageTitle>

      {verify.isPending ? <Loading label={t('verify.verifying')} /> : null}
      {done ? (
        <Alert tone="success" title={t('verify.successTitle')}>
          <p>{t('verify.success')}</p>
          <p>
            <Link className="btn btn--primary" to="/masuk">
              {t('verify.toLogin')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {verify.isError ? (
        <>
          <p className="alert-heading">{t('verify.failedTitle')}</p>
          <ErrorAlert error={verify.error} />
        </>
      ) : null}

      {!done ? (
        <div className="stack">
          <form
            className="card form"
            noValidate
            onSubmit={codeForm.handleSubmit((body) =>
              verifyCode.mutate(body, {
                onError: (err) => applyServerErrors(err, codeForm.setError, ['email', 'code']),
              }),
            )}
          >
            <h2>{t('verify.codeTitle')}</h2>
            <p className="muted">{t('verify.codeIntro')}</p>
            <TextField
              label={t('verify.email')}
              type="email"
              autoComplete="email"
              error={fieldError('email')}
              {...codeForm.register('email')}
            />
            <TextField
              label={t('verify.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              spellCheck={false}
              error={fieldError('code')}
              {...codeForm.register('code')}
            />
            {verifyCode.isError ? <ErrorAlert error={verifyCode.error} /> : null}
            <button className="btn btn--primary" type="submit" disabled={verifyCode.isPending}>
              {t('verify.codeSubmit')}
            </button>
          </form>
          <div className="card">
            <ResendVerificationForm />
          </div>
        </div>
      ) : null}
    </section>
  );
}
