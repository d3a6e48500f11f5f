/** The token from a scanned or pasted text: the `t` of a Merit scan link, or the bare token. */
export function tokenOf(text: string): string {
  const s = text.trim();
  try {
    const u = new URL(s);
    return u.searchParams.get('t') ?? s;
  } catch {
    return s;
  }
}
