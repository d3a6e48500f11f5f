/** argon2id password hashing with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, compared against when an account does not exist (same timing). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('merit-no-such-account-placeholder'));
