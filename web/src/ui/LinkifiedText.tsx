/** Plain text with its http(s) URLs rendered as links (text stays text: no HTML is interpreted). */
import { linkify } from './linkify.ts';

export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.href} rel="noopener noreferrer">
            {p.href}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
