/**
 * What the two sign-up forms (/daftar for applicants, /daftar-warga for citizens and observers)
 * share: the new password with its confirmation and "show password", the summary and submit
 * button, the form's wiring, and the success card that sends the person on to verify their e-mail.
 */
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  useForm,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyServerErrors } from '../../../app/form-errors.ts';
import { useFieldErrors } from '../../../app/useFieldErrors.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { CheckboxField, TextField } from '../../../ui/Field.tsx';

interface PasswordInput {
  label: string;
  hint?: string;
  error: string | undefined;
  input: UseFormRegisterReturn;
}

/** The new password, its confirmation, and one "show password" switch for both. */
export function NewPasswordFields({ password, confirm }: { password: PasswordInput; confirm: PasswordInput }) {
  const { t } = useTranslation();
  const [showPassword, setShowPassword] = useState(false);
  const type = showPassword ? 'text' : 'password';
  return (
    <>
      <TextField
        label={password.label}
        hint={password.hint}
        error={password.error}
        type={type}
        autoComplete="new-password"
        {...password.input}
      />
      <TextField
        label={confirm.label}
        error={confirm.error}
        type={type}
        autoComplete="new-password"
        {...confirm.input}
      />
      <CheckboxField
        label={t('register.showPassword')}
        checked={showPassword}
        onChange={(e) => setShowPassword(e.target.checked)}
      />
    </>
  );
}

/** The form's error summary after a submit with problems, and the submit button. */
export function SignupSubmit({
  showSummary,
  pending,
  label,
  pendingLabel,
}: {
  showSummary: boolean;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {showSummary ? <Alert tone="error">{t('errors.formSummary')}</Alert> : null}
      <button className="btn btn--primary btn--block" type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}

/** The card shown once the account is made; its heading takes focus so screen readers start there. */
export function SignupSuccess({
  title,
  text,
  toVerify,
  email,
}: {
  title: ReactNode;
  text: ReactNode;
  toVerify: ReactNode;
  email: string;
}) {
  const { t } = useTranslation();
  const successRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    successRef.current?.focus();
  }, []);
  return (
    <section className="narrow">
      <div className="card card--success">
        <h1 ref={successRef} tabIndex={-1}>
          {title}
        </h1>
        <p>{text}</p>
        <p className="muted">{t('register.successNoMail')}</p>
        <p>
          <Link className="btn btn--primary" to="/verifikasi-email" state={{ email }}>
            {toVerify}
          </Link>
        </p>
      </div>
    </section>
  );
}

/** What only a sign-up form has beside its contract: the password typed twice and the consent box. */
type SignupFields = FieldValues & { passwordConfirm: string; consent: boolean; email: string };

/**
 * A sign-up form checked by its schema as the person leaves each field; it sends the contract's
 * body (no confirmation, consent given) and puts what the server refuses next to the field.
 */
export function useSignup<F extends SignupFields>({
  resolver,
  defaultValues,
  send,
  serverFields,
}: {
  resolver: Resolver<F>;
  defaultValues: DefaultValues<F>;
  send: (body: Omit<F, 'passwordConfirm' | 'consent'> & { consent: true }) => Promise<unknown>;
  serverFields: readonly Path<F>[];
}) {
  const form = useForm<F>({ resolver, defaultValues, mode: 'onTouched' });
  const fieldError = useFieldErrors(form.formState.errors);
  const mutation = useMutation({ mutationFn: send });
  const onSubmit = form.handleSubmit(({ passwordConfirm: _confirm, consent: _consent, ...body }) => {
    mutation.mutate(
      { ...body, consent: true },
      { onError: (err) => applyServerErrors(err, form.setError, serverFields) },
    );
  });
  return { form, fieldError, mutation, onSubmit };
}
