/**
 * How uploaded documents leave the server (ADR 0006). An applicant's file is hostile until proven
 * otherwise: a JPEG may carry a script after its end marker, a PDF a JavaScript action. So a
 * document is never a page of this origin: it is sent as an attachment, under a CSP that
 * sandboxes it (no scripts, a unique origin) and lets no page frame it, with its type fixed.
 * Staff preview it through the app, which draws PDF pages on a canvas (pdf.js, no scripting) and
 * shows images in `<img>` — neither runs anything inside the file.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isStoredFile } from '../platform/file-store.ts';

/** The CSP of every served document: sandboxed, nothing loaded, never framed. */
export const DOCUMENT_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** ASCII-only file name for the header: names are ours (registration number + kind), never the uploader's. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);

/**
 * Sends an uploaded document with the headers above; the caller has authorized and audited the
 * read. `immutable` lets the browser keep it (item pictures, which never change under their key).
 */
export function sendDocument(
  reply: FastifyReply,
  file: { data: Buffer; mime: string; name?: string },
  opts: { cache?: 'no-store' | 'immutable' } = {},
) {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename="${safeName(file.name ?? 'dokumen')}"`)
    .header('content-security-policy', DOCUMENT_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', opts.cache === 'immutable' ? 'private, max-age=86400, immutable' : 'private, no-store')
    .send(file.data);
}

/**
 * The one document path, enforced (issue 24 §5): a response whose body is bytes read from the file
 * store but which did not come through `sendDocument` is refused (500, logged) instead of sent
 * with the app's headers, so a new route cannot quietly skip the sandbox.
 */
export function registerDocumentGuard(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (isStoredFile(payload) && reply.getHeader('content-security-policy') !== DOCUMENT_CSP) {
      req.log.error({ url: req.routeOptions.url }, 'stored file sent outside sendDocument');
      throw new Error('stored file sent without the document headers (use sendDocument)');
    }
    return payload;
  });
}
