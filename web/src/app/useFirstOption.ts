/** A form's select whose options come and go (the list refreshes): its value stays one of them. */
import { useEffect } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';

/** When the chosen option is gone (or none was chosen), the first one left is chosen. */
export function useFirstOption<T extends FieldValues, Out>(
  form: Pick<UseFormReturn<T, unknown, Out>, 'watch' | 'setValue'>,
  name: Path<T>,
  options: readonly string[],
) {
  const value: unknown = form.watch(name);
  const first = options[0];
  const gone = typeof value !== 'string' || !options.includes(value);
  const { setValue } = form;
  useEffect(() => {
    if (gone && first !== undefined) setValue(name, first as PathValue<T, Path<T>>);
  }, [gone, first, setValue, name]);
}
