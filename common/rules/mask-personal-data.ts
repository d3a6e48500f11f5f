/**
 * Masks personal data in free text before it is public (issue 23 §7): committee answers to
 * observer findings and OPD follow-ups on complaints are written by staff for one reader but are
 * shown to everyone. NIK (16 digits), NIP (18 digits), Indonesian mobile numbers (+62/62/08…) and
 * e-mail addresses become REDACTED; names cannot be found by a rule, so the coordinator redacts them
 * by hand with `redactPhrase`. Dates, amounts, SK numbers and tracking IDs stay as written.
 */

/** What the public sees where something was masked or redacted. */
export const REDACTED = '[disamarkan]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// NIP as written on SKs: 8-6-1-3 digits, with or without spaces/dots; or 18 digits in a row.
const NIP = /(?<!\d|\d[.,/-])\d{8}[ .]?\d{6}[ .]?\d[ .]?\d{3}(?!\d|[.,/-]\d)/g;
// NIK: 16 digits in a row, or four groups of four (as it is often typed from the e-KTP).
const NIK = /(?<!\d|\d[.,/-])\d{4}([ .-]?)\d{4}\1\d{4}\1\d{4}(?!\d|[.,/-]\d)/g;
// Mobile numbers: +62 8…, 62 8…, 08…, groups split by spaces, dots or dashes; 10–13 digits from the 0.
const PHONE = /(?<![\w+]|\d[.,/-])(?:\+62[ .-]?|62|0)8\d(?:[ .-]?\d){7,10}(?!\d|[.,/-]\d)/g;

const digits = (s: string) => s.replace(/\D/g, '');

/** The text with every NIK, NIP, mobile number and e-mail address replaced by REDACTED. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, REDACTED)
    .replace(NIP, REDACTED)
    .replace(NIK, REDACTED)
    .replace(PHONE, (m) => {
      const local = digits(m).replace(/^62/, '0');
      return local.length >= 10 && local.length <= 13 ? REDACTED : m;
    });
}

/**
 * Replaces every occurrence of a phrase (a name the coordinator picked) by REDACTED, ignoring case
 * and runs of spaces, only as whole words; returns how many were replaced so a miss can be told.
 */
export function redactPhrase(text: string, phrase: string): { text: string; count: number } {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { text, count: 0 };
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  let count = 0;
  const out = text.replace(re, () => {
    count += 1;
    return REDACTED;
  });
  return { text: out, count };
}
