/** /lupa-sandi — asks for a reset link; the answer never reveals whether the e-mail exists. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmailBody } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { identityApi } from '../../features/identity/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm<{ email: string }>({ resolver: zodResolver(EmailBody), defaultValues: { email: '' } });
  const fieldError = useFieldErrors(form.formState.errors);
  const send = useMutation({ mutationFn: identityApi.forgotPassword });
  return (
    <section className="narrow">
      <PageTitle title={t('forgot.title')} lead={t('forgot.intro')}>
        {t('forgot.title')}
      </PageTitle>
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      {send.isSuccess ? (
        <Alert tone="success">
          <p>{t('forgot.sent')}</p>
        </Alert>
      ) : null}
      <form
        className="card form"
        noValidate
        onSubmit={form.handleSubmit(({ email }) =>
          send.mutate(email, { onError: (err) => applyServerErrors(err, form.setError, ['email']) }),
        )}
      >
        <TextField
          label={t('forgot.email')}
          type="email"
          autoComplete="email"
          error={fieldError('email')}
          {...form.register('email')}
        />
        <button className="btn btn--primary btn--block" type="submit" disabled={send.isPending}>
          {t('forgot.submit')}
        </button>
      </form>
      <p className="center">
        <Link to="/masuk">{t('forgot.back')}</Link>
      </p>
    </section>
  );
}
