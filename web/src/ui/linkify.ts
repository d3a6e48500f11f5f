/** Splits plain text into text and http(s) URL pieces so links in e-mail bodies can be clickable. */

export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const URL_RE = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence rather than the URL ("buka https://x/y.").
const TRAILING = /[.,;:!?)\]]+$/;

export function linkify(text: string): TextPiece[] {
  const out: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    let href = m[0];
    const trail = TRAILING.exec(href)?.[0] ?? '';
    href = href.slice(0, href.length - trail.length);
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: 'link', href });
    last = start + href.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
