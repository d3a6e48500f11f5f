/**
 * Byte order for identifiers in the open data: strings compare as their UTF-8 bytes, never by
 * locale, so every machine sorts formation_id and participant_no the same way.
 */

// UTF-16 code units already follow code-point (= UTF-8 byte) order except that surrogates
// (0xD800–0xDFFF, code points ≥ 0x10000) sort below 0xE000–0xFFFF; this lifts them above.
const lift = (c: number): number => (c >= 0xe000 ? c - 0x800 : c + 0x2000);

/** Compares two strings by their UTF-8 byte sequences; negative, zero or positive like a comparator. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? lift(x) - lift(y) : x - y;
  }
  return a.length - b.length;
}
