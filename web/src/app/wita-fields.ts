/**
 * Date-time fields edit a WITA wall-clock time (`YYYY-MM-DDTHH:mm`, DateTimeField); the contracts
 * take an instant. These turn the form's text into the instant before the contract's own schema
 * checks it, so an empty field says "Wajib diisi." before the round trip.
 */
import { z } from 'zod';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A WITA wall-clock time as a UTC instant; empty means "not given"; other text is left for the schema to refuse. */
export const witaInstant = (local: string): string | undefined =>
  local.trim() === '' ? undefined : LOCAL.test(local) ? new Date(`${local}:00+08:00`).toISOString() : local;

/** One contract field fed the instant of the form's WITA text. */
export const witaField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' ? witaInstant(v) : v), schema);

/**
 * The contract `schema`, fed the form's values with the `keys` date-time fields turned into
 * instants — for a schema whose own refinements (end after start) must keep running.
 */
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
