/**
 * Signed public links (the QR on a registration card, an exam certificate, a training certificate):
 * `?s=` carries an HMAC of the link's purpose and subject, so a number printed on paper cannot be
 * turned into someone else's page by guessing. Checks are constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signer for one purpose ("card", "cat-cert", …): the same subject signed for two purposes never matches. */
export interface LinkSigner {
  sign(subject: string): string;
  /** Whether `signature` is this purpose's signature of `subject`, compared in constant time. */
  verify(subject: string, signature: string): boolean;
}

/** 22 base64url characters = 132 bits of the HMAC: short enough for a QR, far beyond guessing. */
const SIGNATURE_LENGTH = 22;

export function createLinkSigner(secret: string, purpose: string): LinkSigner {
  const sign = (subject: string) =>
    createHmac('sha256', secret).update(`${purpose}:${subject}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
  return {
    sign,
    verify(subject, signature) {
      const expected = Buffer.from(sign(subject));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
