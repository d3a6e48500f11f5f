/**
 * Date-time fields of the development forms edit a WITA wall-clock time (`YYYY-MM-DDTHH:mm`,
 * DateTimeField); the contracts take an instant with its offset. The form checks the contract's
 * own schema on the converted values, so an empty field says "Wajib diisi." before the round trip.
 */
import { z } from 'zod';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A WITA wall-clock time as the instant the API takes; empty means "not given". */
export const witaInstant = (local: string): string | undefined =>
  local.trim() === '' ? undefined : LOCAL.test(local) ? `${local}:00+08:00` : local;

/** The contract `schema`, fed the form's values with the `keys` date-time fields turned into instants. */
export function withWitaTimes<S extends z.ZodType<object, Record<string, unknown>>>(
  schema: S,
  keys: readonly (keyof z.input<S> & string)[],
): z.ZodType<z.output<S>, z.input<S>> {
  const convert = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = { ...v };
    for (const k of keys) if (typeof out[k] === 'string') out[k] = witaInstant(out[k]);
    return out;
  };
  return z.preprocess(convert, schema) as unknown as z.ZodType<z.output<S>, z.input<S>>;
}
