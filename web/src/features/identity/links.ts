/** Small pure helpers for the identity pages' URLs. */

/**
 * Where to go after signing in. Only same-site paths are followed (an open redirect would let a
 * phishing link bounce applicants to a look-alike site after a real login).
 */
export function safeNext(next: string | null | undefined, fallback = '/beranda'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/masuk') || next.startsWith('/daftar')) return fallback;
  return next;
}
