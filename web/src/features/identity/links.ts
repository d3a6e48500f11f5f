/** Small pure helpers for the identity pages' URLs. */

/** Accepts either the bare code or the whole link pasted from the e-mail. */
export function tokenFromInput(value: string): string {
  const v = value.trim();
  const m = /[?&]token=([^&#\s]+)/.exec(v);
  if (!m?.[1]) return v;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * Where to go after signing in. Only same-site paths are followed (an open redirect would let a
 * phishing link bounce applicants to a look-alike site after a real login).
 */
export function safeNext(next: string | null | undefined, fallback = '/beranda'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/masuk') || next.startsWith('/daftar')) return fallback;
  return next;
}
