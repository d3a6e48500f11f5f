/** Puts the server's field messages next to the matching inputs of a react-hook-form form. */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api.ts';

/**
 * Returns the field problems that have no input in this form (they go in the summary instead).
 * `type: 'server'` marks a message that is already in the user's language.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const rest: { field: string; message: string }[] = [];
  let focused = false;
  for (const f of error.fields) {
    if ((fields as readonly string[]).includes(f.field)) {
      setError(f.field as Path<T>, { type: 'server', message: f.message }, { shouldFocus: !focused });
      focused = true;
    } else {
      rest.push(f);
    }
  }
  return rest;
}
