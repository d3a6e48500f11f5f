/**
 * Solves the server's anti-spam challenge in the browser (common/rules/proof-of-work.ts); it yields
 * to the page every few thousand tries so typing stays smooth.
 */
import { meetsDifficulty, powMessage, sha256 } from '../../../../common/rules/proof-of-work.ts';

export { leadingZeroBits, sha256 } from '../../../../common/rules/proof-of-work.ts';

/** Finds the counter for a challenge token. */
export async function solvePow(token: string, difficulty: number): Promise<string> {
  const enc = new TextEncoder();
  for (let i = 0; ; i++) {
    if (meetsDifficulty(sha256(enc.encode(powMessage(token, i))), difficulty)) return String(i);
    if (i % 4096 === 4095) await new Promise((r) => setTimeout(r, 0));
  }
}
