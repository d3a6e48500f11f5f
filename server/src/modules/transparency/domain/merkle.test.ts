import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MerkleAccumulator, merkleRoot } from './merkle.ts';

// The eight-leaf reference inputs used by Certificate Transparency implementations.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));

describe('merkleRoot (RFC 6962 §2.1)', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('hashes one empty leaf with the 0x00 prefix', () => {
    expect(merkleRoot([CT_LEAVES[0]!]).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });
  it('matches the published root of the eight reference leaves', () => {
    expect(merkleRoot(CT_LEAVES).toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });
});

describe('MerkleAccumulator', () => {
  it('gives the same root as the recursive definition for every prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (leaves) => {
        const acc = new MerkleAccumulator();
        expect(acc.root().equals(merkleRoot([]))).toBe(true);
        leaves.forEach((leaf, i) => {
          acc.push(leaf);
          expect(acc.root().equals(merkleRoot(leaves.slice(0, i + 1)))).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
