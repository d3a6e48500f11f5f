/** /ujian — CAT sign-in: participant number + account password + the session token from the proctor. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { applyServerErrors } from '../../app/form-errors.ts';
import { meKey } from '../../features/identity/hooks.ts';
import { examApi } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const CatLoginForm = z.object({
  participantNo: z.string().trim().min(1, { message: 'cat.login.required' }).max(40, { message: 'cat.login.required' }),
  password: z.string().min(1, { message: 'cat.login.required' }).max(200, { message: 'cat.login.required' }),
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6}$/, { message: 'cat.login.tokenFormat' }),
});
type CatLoginForm = z.infer<typeof CatLoginForm>;

export function CatLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm<CatLoginForm>({
    resolver: zodResolver(CatLoginForm),
    defaultValues: { participantNo: '', password: '', token: '' },
  });
  const login = useMutation({ mutationFn: examApi.login });
  const errors = form.formState.errors;
  const err = (name: keyof CatLoginForm) => {
    const e = errors[name];
    if (!e) return undefined;
    return e.type === 'server' ? e.message : t(e.message ?? 'cat.login.required');
  };
  const rules = t('cat.login.rulesList', { returnObjects: true }) as string[];

  return (
    <section className="narrow">
      <PageTitle title={t('cat.login.title')} lead={t('cat.login.lead')}>
        {t('cat.login.title')}
      </PageTitle>
      {login.isError ? <ErrorAlert error={login.error} /> : null}
      <form
        className="card form"
        noValidate
        onSubmit={form.handleSubmit((body) =>
          login.mutate(
            { ...body, token: body.token.toUpperCase() },
            {
              onSuccess: (view) => {
                void qc.invalidateQueries({ queryKey: meKey });
                navigate(view.attempt.status === 'submitted' ? '/ujian/hasil' : '/ujian/kerjakan', { replace: true });
              },
              onError: (e) => applyServerErrors(e, form.setError, ['participantNo', 'password', 'token']),
            },
          ),
        )}
      >
        <TextField
          label={t('cat.login.participantNo')}
          hint={t('cat.login.participantNoHint')}
          autoComplete="username"
          inputMode="text"
          spellCheck={false}
          autoCapitalize="none"
          error={err('participantNo')}
          {...form.register('participantNo')}
        />
        <TextField
          label={t('cat.login.password')}
          type="password"
          autoComplete="current-password"
          error={err('password')}
          {...form.register('password')}
        />
        <TextField
          label={t('cat.login.token')}
          hint={t('cat.login.tokenHint')}
          className="cat-token-field"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={6}
          error={err('token')}
          {...form.register('token')}
        />
        <button className="btn btn--primary btn--block" type="submit" disabled={login.isPending}>
          {login.isPending ? t('cat.login.busy') : t('cat.login.submit')}
        </button>
      </form>
      <section className="card" aria-labelledby="cat-rules">
        <h2 id="cat-rules">{t('cat.login.rules')}</h2>
        <ul className="checklist">
          {rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
