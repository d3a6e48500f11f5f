/** Form helpers shared by the participation pages' date-time fields. */
import { z } from 'zod';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A WITA date and time as DateTimeField gives it (`YYYY-MM-DDTHH:MM`, or the text as typed) checked
 * as the instant the contract asks for: empty means "not given", a local time becomes UTC ISO.
 */
export const witaInstant = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    return LOCAL.test(v) ? new Date(`${v}:00+08:00`).toISOString() : v;
  }, schema);
