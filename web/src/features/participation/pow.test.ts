import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, sha256, solvePow } from './pow.ts';

describe('the browser challenge solver', () => {
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  for (const text of [
    '',
    'abc',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'complaint.1790000000000.14.nonce.mac:12345',
    'ü'.repeat(100),
  ]) {
    it(`hashes ${text.length} characters like node:crypto`, () => {
      const bytes = new TextEncoder().encode(text);
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    });
  }
  it('finds a solution the server accepts', async () => {
    const token = 'complaint.1790000000000.10.abc.def';
    const s = await solvePow(token, 10);
    expect(leadingZeroBits(createHash('sha256').update(`${token}:${s}`).digest())).toBeGreaterThanOrEqual(10);
  });
});
