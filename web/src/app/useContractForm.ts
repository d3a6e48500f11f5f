/**
 * A form checked in the browser against the contract's own zod schema, so a field error shows in
 * the person's language before the round trip, in the same words the server would use
 * (common/contracts/issue-text.ts). What the server still refuses lands on the matching field.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { type DefaultValues, type FieldValues, type Path, type UseFormProps, useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyServerErrors } from './form-errors.ts';
import { useFieldErrors } from './useFieldErrors.ts';

type Options<In extends FieldValues, Out> = Omit<UseFormProps<In, unknown, Out>, 'resolver' | 'defaultValues'> & {
  /** Fields the server may name in its answer, when not all are in `defaultValues`. */
  serverFields?: readonly Path<In>[];
};

/**
 * react-hook-form with the contract schema as resolver. `fieldError(name)` is the text for a
 * field; `showServerErrors(err)` puts a refused request's field messages next to their inputs.
 */
export function useContractForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  defaultValues: DefaultValues<In>,
  { serverFields, ...options }: Options<In, Out> = {},
) {
  const form = useForm<In, unknown, Out>({ ...options, resolver: zodResolver(schema), defaultValues });
  const fieldError = useFieldErrors(form.formState.errors);
  const fields = serverFields ?? (Object.keys(defaultValues) as Path<In>[]);
  const showServerErrors = (err: unknown) => applyServerErrors(err, form.setError, fields);
  return { ...form, fieldError, showServerErrors };
}

/**
 * An optional text field of a form: an empty or blank input means "not given" (null), as the
 * contracts say it, instead of failing the field's minimum length.
 */
export const blankAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema);
