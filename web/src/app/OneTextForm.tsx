/**
 * A form of one text field checked by its contract (a reason, an answer, a follow-up): the
 * committee's and staff's many "write one thing and send it" forms, written once.
 */
import { useMutation } from '@tanstack/react-query';
import type { DefaultValues, Path } from 'react-hook-form';
import type { z } from 'zod';
import { TextAreaField, TextField } from '../ui/Field.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useContractForm } from './useContractForm.ts';

export interface OneTextFormProps<K extends string, R> {
  /** The contract's body schema: one text field named `name`. */
  schema: z.ZodType<Record<K, string>, Record<K, string>>;
  name: K;
  label: string;
  maxLength: number;
  /** Rows of a text area; without it, a one-line field. */
  rows?: number;
  submit: string;
  /** The form's name for screen readers: its own heading (shown) or a label (not shown). */
  heading?: { id: string; text: string };
  ariaLabel?: string;
  className?: string;
  buttonClass?: string;
  send: (text: string) => Promise<R>;
  onDone: (answer: R) => unknown;
  /** Empty the field after sending (a comment box that stays on the page). */
  clearOnDone?: boolean;
}

export function OneTextForm<K extends string, R>(p: OneTextFormProps<K, R>) {
  const form = useContractForm(p.schema, { [p.name]: '' } as DefaultValues<Record<K, string>>);
  const sending = useMutation({
    mutationFn: (v: Record<K, string>) => p.send(v[p.name]),
    onSuccess: (answer) => {
      if (p.clearOnDone) form.reset();
      return p.onDone(answer);
    },
    onError: (e) => form.showServerErrors(e),
  });
  const name = p.name as string as Path<Record<K, string>>;
  const field = { label: p.label, maxLength: p.maxLength, error: form.fieldError(name), ...form.register(name) };
  return (
    <form
      className={p.className ?? 'form'}
      noValidate
      aria-label={p.ariaLabel}
      aria-labelledby={p.heading?.id}
      onSubmit={form.handleSubmit((v) => sending.mutate(v))}
    >
      {p.heading ? <h2 id={p.heading.id}>{p.heading.text}</h2> : null}
      {p.rows ? <TextAreaField rows={p.rows} {...field} /> : <TextField {...field} />}
      <div className="actions">
        <button type="submit" className={p.buttonClass ?? 'btn btn--primary'} disabled={sending.isPending}>
          {p.submit}
        </button>
      </div>
      {sending.isError ? <ErrorAlert error={sending.error} /> : null}
    </form>
  );
}
