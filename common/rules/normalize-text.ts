/**
 * Text as compared by people, not bytes: lower-case, accents stripped, "&" read as "dan",
 * punctuation as spaces, whitespace collapsed. "Teknik  Informatika." equals "teknik informatika";
 * every word is kept ("Pendidikan Matematika" ≠ "Matematika"): a verifier decides near matches.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
