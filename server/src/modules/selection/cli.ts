/**
 * `merit rank` and `merit integrate`: the open-data commands that let anyone reproduce the
 * published ranking.csv and final.csv byte for byte (docs/open-data.md). This file is the I/O
 * edge only — read files, call the pure domain functions, write the result atomically.
 * Exit codes: 0 ok, 1 unexpected failure writing output, 2 invalid usage or invalid input.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  InputError,
  parseFormationsCsv,
  parseRankingCsv,
  parseSkbCsv,
  parseSkdCsv,
  serializeFinal,
  serializeRanking,
} from './domain/csv.ts';
import { integrate } from './domain/integration.ts';
import { rankSkd, STATUS_P } from './domain/ranking.ts';
import { THRESHOLD_RULE_SETS, thresholdRuleSet, type ThresholdRuleSet } from './domain/thresholds.ts';
import { ThresholdRuleSetBody } from '../../../../common/contracts/selection.ts';

const ThresholdFile = ThresholdRuleSetBody.extend({ year: z.number().int().min(2000).max(2100) });

/** Where the commands print; tests pass their own. */
export interface CliIo {
  out(message: string): void;
  err(message: string): void;
}

const consoleIo: CliIo = { out: (m) => console.log(m), err: (m) => console.error(m) };

export const RANK_USAGE = `Penggunaan: merit rank --year <${Object.keys(THRESHOLD_RULE_SETS).join('|')}> --formations formations.csv --scores skd.csv --out ranking.csv [--thresholds thresholds.json]`;
export const INTEGRATE_USAGE =
  'Penggunaan: merit integrate --formations formations.csv --ranking ranking.csv --skb skb.csv --out final.csv';

class UsageError extends Error {}

function parseOptions<K extends string, O extends string = never>(
  argv: string[],
  names: readonly K[],
  usage: string,
  optional: readonly O[] = [],
): Record<K, string> & Partial<Record<O, string>> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries([...names, ...optional].map((n) => [n, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
  const missing = names.filter((n) => !values[n]);
  if (missing.length > 0)
    throw new UsageError(`opsi wajib tidak ada: ${missing.map((m) => `--${m}`).join(', ')}\n${usage}`);
  return values as Record<K, string> & Partial<Record<O, string>>;
}

/**
 * A year's passing grades from a published thresholds.json (`{ year, regulation, rules, uncertain }`),
 * for years this version of Merit does not carry built in, or grades an admin corrected.
 */
function readThresholds(path: string, year: string): ThresholdRuleSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(readInput(path)));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, null, 'bukan JSON yang sah');
  }
  const r = ThresholdFile.safeParse(parsed);
  if (!r.success)
    throw new InputError(
      path,
      null,
      `isi tidak sah: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  if (String(r.data.year) !== year) throw new InputError(path, null, `berisi tahun ${r.data.year}, bukan ${year}`);
  return r.data as ThresholdRuleSet;
}

/** Reads a whole input file; unreadable or non-UTF-8 files are input errors. */
function readInput(path: string): Uint8Array {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      null,
      code === 'ENOENT' ? 'berkas tidak ditemukan' : `tidak dapat dibaca (${code ?? (e as Error).message})`,
    );
  }
  if (!isUtf8(buf)) throw new InputError(path, null, 'bukan teks UTF-8 yang sah');
  return buf;
}

/** Writes to a temporary file beside the target, syncs, then renames: readers see all or nothing. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

async function run(io: CliIo, body: () => void): Promise<number> {
  try {
    body();
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    io.err(`Gagal: ${(e as Error).message}`);
    return 1;
  }
}

/**
 * `merit rank`: reads formations.csv and skd.csv, ranks every formation with the year's
 * thresholds (KepMenPANRB 651/2023 or 321/2024) and writes ranking.csv; 2 and no file on bad input.
 */
export async function runRank(argv: string[], io: CliIo = consoleIo): Promise<number> {
  return run(io, () => {
    const o = parseOptions(argv, ['year', 'formations', 'scores', 'out'], RANK_USAGE, ['thresholds']);
    if (!/^\d{4}$/.test(o.year)) throw new UsageError(`tahun "${o.year}" tidak sah\n${RANK_USAGE}`);
    const rules = o.thresholds ? readThresholds(o.thresholds, o.year) : thresholdRuleSet(Number(o.year));
    if (!rules)
      throw new UsageError(
        `tahun "${o.year}" tidak dikenal; pilihan: ${Object.keys(THRESHOLD_RULE_SETS).join(', ')}, atau berikan --thresholds thresholds.json dari publikasi\n${RANK_USAGE}`,
      );
    const formations = parseFormationsCsv(readInput(o.formations), o.formations);
    const table = parseSkdCsv(readInput(o.scores), o.scores, formations);
    const result = rankSkd(rules, formations, table);
    writeAtomically(o.out, serializeRanking(formations, table, result));
    let passed = 0;
    let advancing = 0;
    for (let i = 0; i < table.count; i++) {
      if (result.status[i] === STATUS_P) passed++;
      advancing += result.advances[i]!;
    }
    io.out(
      `Peringkat SKD ${rules.year} (${rules.regulation}) ditulis ke ${o.out}: ${table.count} peserta, ${formations.length} formasi, ${passed} memenuhi nilai ambang batas, ${advancing} lolos ke SKB.`,
    );
  });
}

/**
 * `merit integrate`: reads formations.csv, the published ranking.csv and skb.csv, computes the
 * 40/60 final score exactly (PermenPANRB 6/2024) and writes final.csv; 2 and no file on bad input.
 */
export async function runIntegrate(argv: string[], io: CliIo = consoleIo): Promise<number> {
  return run(io, () => {
    const o = parseOptions(argv, ['formations', 'ranking', 'skb', 'out'], INTEGRATE_USAGE);
    const formations = parseFormationsCsv(readInput(o.formations), o.formations);
    const ranking = parseRankingCsv(readInput(o.ranking), o.ranking, formations);
    const entries = parseSkbCsv(readInput(o.skb), o.skb, ranking, o.ranking);
    const rows = integrate(formations, entries);
    writeAtomically(o.out, serializeFinal(rows));
    const passed = rows.filter((r) => r.result === 'L').length;
    io.out(`Nilai akhir ditulis ke ${o.out}: ${rows.length} peserta SKB, ${passed} lulus (L).`);
  });
}
