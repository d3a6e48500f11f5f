/** /atur-ulang-sandi?token= — sets a new password from the e-mailed link. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { Password } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { useFieldErrors } from '../../app/useFieldErrors.ts';
import { identityApi } from '../../features/identity/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const ResetForm = z
  .object({ password: Password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'password.mismatch' });
type ResetForm = z.infer<typeof ResetForm>;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const form = useForm<ResetForm>({
    resolver: zodResolver(ResetForm),
    defaultValues: { password: '', passwordConfirm: '' },
  });
  const fieldError = useFieldErrors(form.formState.errors);
  const reset = useMutation({ mutationFn: identityApi.resetPassword });

  return (
    <section className="narrow">
      <PageTitle title={t('reset.title')} lead={token ? t('reset.intro') : undefined}>
        {t('reset.title')}
      </PageTitle>
      {!token ? (
        <Alert tone="warning">
          <p>{t('reset.missingToken')}</p>
          <p>
            <Link to="/lupa-sandi">{t('reset.requestNew')}</Link>
          </p>
        </Alert>
      ) : reset.isSuccess ? (
        <Alert tone="success">
          <p>{t('reset.success')}</p>
          <p>
            <Link className="btn btn--primary" to="/masuk">
              {t('reset.toLogin')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          {reset.isError ? <ErrorAlert error={reset.error} /> : null}
          <form
            className="card form"
            noValidate
            onSubmit={form.handleSubmit(({ password }) =>
              reset.mutate(
                { token, password },
                { onError: (err) => applyServerErrors(err, form.setError, ['password']) },
              ),
            )}
          >
            <TextField
              label={t('reset.password')}
              hint={t('reset.passwordHint')}
              type="password"
              autoComplete="new-password"
              error={fieldError('password')}
              {...form.register('password')}
            />
            <TextField
              label={t('reset.passwordConfirm')}
              type="password"
              autoComplete="new-password"
              error={fieldError('passwordConfirm')}
              {...form.register('passwordConfirm')}
            />
            <button className="btn btn--primary btn--block" type="submit" disabled={reset.isPending}>
              {t('reset.submit')}
            </button>
          </form>
          {reset.isError ? (
            <p className="center">
              <Link to="/lupa-sandi">{t('reset.requestNew')}</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
