/**
 * How uploaded documents leave the server (ADR 0006). An applicant's file is hostile until proven
 * otherwise: a JPEG may carry a script after its end marker, a PDF a JavaScript action. So a
 * document is never a page of this origin: it is sent as an attachment, under a CSP that
 * sandboxes it (no scripts, a unique origin) and lets no page frame it, with its type fixed.
 * Staff preview it through the app, which draws PDF pages on a canvas (pdf.js, no scripting) and
 * shows images in `<img>` — neither runs anything inside the file.
 */
import type { FastifyReply } from 'fastify';

/** The CSP of every served document: sandboxed, nothing loaded, never framed. */
export const DOCUMENT_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** ASCII-only file name for the header: names are ours (registration number + kind), never the uploader's. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);

/** Sends an uploaded document with the headers above; the caller has authorized and audited the read. */
export function sendDocument(reply: FastifyReply, file: { data: Buffer; mime: string; name?: string }) {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename="${safeName(file.name ?? 'dokumen')}"`)
    .header('content-security-policy', DOCUMENT_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store')
    .send(file.data);
}
