/**
 * A self-hosted proof-of-work challenge for the anonymous forms (no third-party CAPTCHA): the
 * server hands out a signed token `purpose.expiry.difficulty.nonce.mac`; the browser finds a
 * counter whose SHA-256 of `token:counter` starts with `difficulty` zero bits (a fraction of a
 * second on a phone, real work for a flood) and sends both back. The MAC (HMAC-SHA-256, checked in
 * constant time) means nobody can mint easier tokens; each nonce is spent once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { msg } from '../../../../common/contracts/messages.ts';
import { meetsDifficulty, powMessage } from '../../../../common/rules/proof-of-work.ts';
import { AppError } from '../../errors.ts';

export type ChallengePurpose = 'complaint' | 'survey';

export interface IssuedChallenge {
  token: string;
  difficulty: number;
  expiresAt: string;
}

const TTL_MS = 10 * 60_000;

/** Finds a solution (for tests, the bench and tools; the browser does the same with WebCrypto). */
export function solveChallenge(token: string, difficulty: number): string {
  for (let i = 0; ; i++) {
    if (meetsDifficulty(createHash('sha256').update(powMessage(token, i)).digest(), difficulty)) return String(i);
  }
}

const refused = () =>
  new AppError(
    'VALIDATION_FAILED',
    msg(
      'Pemeriksaan anti-spam tidak lolos atau kedaluwarsa. Muat ulang formulir lalu kirim lagi.',
      'The anti-spam check failed or expired. Reload the form and send again.',
    ),
    {
      fields: [
        { field: 'challenge', message: msg('Muat ulang formulir lalu kirim lagi.', 'Reload the form and send again.') },
      ],
    },
  );

export function createChallenges(opts: { secret: string; difficulty: number; now: () => Date }) {
  const mac = (payload: string) => createHmac('sha256', opts.secret).update(payload).digest('base64url');
  return {
    difficulty: opts.difficulty,
    issue(purpose: ChallengePurpose): IssuedChallenge {
      const expires = opts.now().getTime() + TTL_MS;
      const payload = `${purpose}.${expires}.${opts.difficulty}.${randomBytes(12).toString('base64url')}`;
      return {
        token: `${payload}.${mac(payload)}`,
        difficulty: opts.difficulty,
        expiresAt: new Date(expires).toISOString(),
      };
    },
    /**
     * Checks a solved token and returns its nonce and expiry for the caller to spend (insert) in
     * the transaction that stores the form; throws the one refusal for every kind of failure.
     */
    check(
      purpose: ChallengePurpose,
      answer: { token: string; solution: string } | null,
    ): { nonce: string; expiresAt: Date } {
      if (!answer) throw refused();
      const parts = answer.token.split('.');
      if (parts.length !== 5) throw refused();
      const [p, exp, diff, nonce, tag] = parts as [string, string, string, string, string];
      const expected = Buffer.from(mac(`${p}.${exp}.${diff}.${nonce}`));
      const given = Buffer.from(tag);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
      if (p !== purpose || Number(exp) < opts.now().getTime()) throw refused();
      if (
        !meetsDifficulty(createHash('sha256').update(powMessage(answer.token, answer.solution)).digest(), Number(diff))
      )
        throw refused();
      return { nonce, expiresAt: new Date(Number(exp)) };
    },
  };
}

export type Challenges = ReturnType<typeof createChallenges>;
