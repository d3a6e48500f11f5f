/**
 * Merkle tree hashing as RFC 6962 §2.1 defines it: leaf = SHA-256(0x00 ‖ data),
 * node = SHA-256(0x01 ‖ left ‖ right), and the tree of n leaves splits at the largest power of
 * two below n. Pure and deterministic: anyone can recompute a published checkpoint root.
 */
import { createHash } from 'node:crypto';

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (data: Uint8Array): Buffer => createHash('sha256').update(LEAF).update(data).digest();
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE).update(left).update(right).digest();
const EMPTY_ROOT = createHash('sha256').digest();

/** MTH(D[n]) by the recursive definition; the reference the accumulator is tested against. */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/**
 * Streams leaves and yields the root of every prefix in O(log n): it keeps the perfect subtrees
 * (one per set bit of n, largest first), and the prefix root folds them from the right, which is
 * exactly the RFC's split at the largest power of two.
 */
export class MerkleAccumulator {
  #stack: { size: number; hash: Buffer }[] = [];
  #count = 0;

  get size() {
    return this.#count;
  }

  push(data: Uint8Array): void {
    let node = { size: 1, hash: leafHash(data) };
    while (this.#stack.length > 0 && this.#stack[this.#stack.length - 1]!.size === node.size) {
      const left = this.#stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.#stack.push(node);
    this.#count += 1;
  }

  root(): Buffer {
    if (this.#stack.length === 0) return EMPTY_ROOT;
    let acc = this.#stack[this.#stack.length - 1]!.hash;
    for (let i = this.#stack.length - 2; i >= 0; i--) acc = nodeHash(this.#stack[i]!.hash, acc);
    return acc;
  }
}
