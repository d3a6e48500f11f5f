/**
 * Per-participant randomized forms (paket soal): which bank items a participant gets, in which
 * order, with which option order — all derived from a seed, so reloading the exam page shows the
 * same form and an archived attempt can be rebuilt years later without storing the layout.
 */
import { blueprintSubtests, type Blueprint, type BlueprintSection } from './blueprint.ts';
import type { OptionKey, Subtest } from './items.ts';

/** One usable item of the bank, as far as form assembly needs to know it. */
export interface BankEntry {
  itemId: string;
  version: number;
  subtest: Subtest;
  category: string;
  optionKeys: OptionKey[];
}

/** One item of a participant's form. */
export interface FormItem {
  itemId: string;
  version: number;
  subtest: Subtest;
  /** Display order of the item's own option keys. */
  optionOrder: OptionKey[];
}

/** A blueprint section asks for more items than the bank holds for it. */
export class InsufficientBankError extends Error {
  constructor(
    readonly section: BlueprintSection,
    readonly available: number,
  ) {
    super(
      `Bank soal kurang untuk ${section.subtest}${section.category === null ? '' : `/${section.category}`}: ` +
        `perlu ${section.count}, tersedia ${available}. Tambahkan soal aktif ke bank atau kurangi jumlah di kisi-kisi.`,
    );
    this.name = 'InsufficientBankError';
  }
}

/** cyrb128: a 128-bit non-cryptographic string hash (four 32-bit words), used only to seed sfc32. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A deterministic PRNG in [0, 1) from a seed string: sfc32 seeded with the cyrb128 hash of the seed.
 * Same seed → same sequence on every machine and Node version (only 32-bit integer arithmetic), so
 * forms derived from it never change; not for secrets.
 */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes its state over the first few rounds.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** A uniform integer in [0, n) from a PRNG. */
function below(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** Fisher–Yates shuffle of a copy of the array (every permutation equally likely for a uniform PRNG). */
export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = below(rand, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Code-unit order, independent of the runtime's locale (localeCompare is not). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Independent PRNG streams per purpose: an item's option order depends only on (seed, itemId), so
// changing how items are drawn never reshuffles the options of an item already on screen.
const SEP = '\u0000';

/**
 * Builds a participant's form from the bank, the blueprint and a seed: each section gets `count`
 * distinct items drawn at random from its matching entries (same subtest and category, or any category
 * of the subtest when the section's category is null), subtests follow the blueprint's order (SKD:
 * TWK, TIU, TKP as CAT BKN presents them), items are shuffled within a subtest and every item's
 * options are shuffled (Fisher–Yates). Deterministic in (bank as a set, blueprint, seed); an itemId
 * listed more than once uses its highest version. Throws InsufficientBankError when a section can't be
 * filled. Sections with a category draw before category-free ones, so "any category" never takes
 * an item a specific section needed.
 */
export function deriveForm(bank: readonly BankEntry[], blueprint: Blueprint, seed: string): FormItem[] {
  const latest = new Map<string, BankEntry>();
  for (const e of bank) {
    const cur = latest.get(e.itemId);
    if (cur === undefined || e.version > cur.version) latest.set(e.itemId, e);
  }
  const sorted = [...latest.values()].sort((x, y) => compareStrings(x.itemId, y.itemId));

  const drawRand = seededRandom(`${seed}${SEP}draw`);
  const used = new Set<string>();
  const drawn: BankEntry[][] = blueprint.sections.map(() => []);
  const indices = blueprint.sections.map((_, i) => i);
  const ordered = [
    ...indices.filter((i) => blueprint.sections[i]!.category !== null),
    ...indices.filter((i) => blueprint.sections[i]!.category === null),
  ];
  for (const index of ordered) {
    const section = blueprint.sections[index]!;
    const candidates = sorted.filter(
      (e) =>
        e.subtest === section.subtest &&
        (section.category === null || e.category === section.category) &&
        !used.has(e.itemId),
    );
    if (candidates.length < section.count) throw new InsufficientBankError(section, candidates.length);
    // Partial Fisher–Yates: the first `count` slots become a uniform random sample.
    for (let i = 0; i < section.count; i++) {
      const j = i + below(drawRand, candidates.length - i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const picked = candidates.slice(0, section.count);
    for (const e of picked) used.add(e.itemId);
    drawn[index] = picked;
  }

  const form: FormItem[] = [];
  for (const subtest of blueprintSubtests(blueprint)) {
    const items = indices.filter((i) => blueprint.sections[i]!.subtest === subtest).flatMap((i) => drawn[i]!);
    for (const e of shuffled(items, seededRandom(`${seed}${SEP}order${SEP}${subtest}`))) {
      form.push({
        itemId: e.itemId,
        version: e.version,
        subtest: e.subtest,
        optionOrder: shuffled(e.optionKeys, seededRandom(`${seed}${SEP}options${SEP}${e.itemId}`)),
      });
    }
  }
  return form;
}
