import { describe, expect, it } from 'vitest';
import { xlsxBomb, xlsxWithRows } from '../../test/zip-bomb.ts';
import { readSheet, writeSheet } from './sheets.ts';
import { inspectXlsx, XLSX_LIMITS } from './xlsx-guard.ts';

const opts = { maxRows: 20_000, columns: 2, noun: { id: 'pegawai', en: 'employee' } };

/** Runs `fn`, sampling the process's memory while it runs; returns the result, the peak growth in MB and the seconds it took. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; seconds: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: (peak - base) / (1024 * 1024), seconds: (performance.now() - t) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

describe('XLSX archive guard (issue 24 §3)', () => {
  it('lets a real workbook through and reads it as before', async () => {
    const out = await writeSheet(
      {
        name: 'Pegawai',
        columns: [
          { name: 'nip', width: 20 },
          { name: 'nama', width: 20 },
        ],
        rows: [
          ['1', 'Andi'],
          ['2', 'Dewi'],
        ],
      },
      'xlsx',
    );
    expect(await inspectXlsx(out, 3)).toEqual({ ok: true });
    const read = await readSheet(out, 'xlsx', opts);
    expect(read.ok && read.records.length).toBe(3);
  });

  it('refuses a ~1 MB bomb that declares its size, from the directory alone', async () => {
    const bomb = xlsxBomb({ kind: 'cell', declared: 'true' });
    expect(bomb.length).toBeGreaterThan(900_000);
    expect(bomb.length).toBeLessThan(1_200_000);
    expect(await inspectXlsx(bomb, 20_001)).toEqual({ ok: false, reason: 'inflated' });
  });

  it('stops inflating a bomb whose directory lies about its size at the cap, with bounded memory', async () => {
    const bomb = xlsxBomb({ kind: 'cell', declared: 'small' });
    const { value, peakMb, seconds } = await measured(() => inspectXlsx(bomb, 20_001));
    // The directory claims 3× the compressed size; more comes out, so it is a lie (damaged) long before the cap.
    expect(value).toEqual({ ok: false, reason: 'damaged' });
    expect(seconds).toBeLessThan(10);
    expect(peakMb).toBeLessThan(150);
  });

  it('counts rows while inflating and stops at the row limit', async () => {
    // 200,000 rows compressed like a real sheet: under every size cap, far over the row limit.
    const many = xlsxWithRows(200_000);
    expect(await inspectXlsx(many, 300_000)).toEqual({ ok: true });
    const { value, peakMb } = await measured(() => inspectXlsx(many, 1001));
    expect(value).toEqual({ ok: false, reason: 'rows', rows: expect.any(Number) });
    // It stopped within a chunk or two of the limit, not after reading all 200,000.
    expect(value.ok === false && value.reason === 'rows' && value.rows).toBeLessThan(5000);
    expect(peakMb).toBeLessThan(150);
    const read = await readSheet(many, 'xlsx', { ...opts, maxRows: 1000 });
    expect(read).toMatchObject({
      ok: false,
      problem: { en: expect.stringContaining('more than 1,000 employee rows') },
    });
  });

  it('answers 413 naming the limit for a bomb, from readSheet', async () => {
    const { seconds, value } = await measured(() =>
      readSheet(xlsxBomb({ kind: 'rows', declared: 'true' }), 'xlsx', opts).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(value).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      userMessage: { id: expect.stringContaining(`${XLSX_LIMITS.maxInflatedBytes / 1048576} MB`) },
    });
    expect(seconds).toBeLessThan(10);
  });

  it('refuses an archive with too many entries, and garbage after the ZIP magic', async () => {
    expect(await inspectXlsx(Buffer.from('PK\x03\x04 not really a zip'), 10)).toEqual({ ok: false, reason: 'not-zip' });
    const read = await readSheet(Buffer.from('PK\x03\x04 not really a zip'), 'xlsx', opts);
    expect(read).toMatchObject({ ok: false, problem: { en: expect.stringContaining('damaged') } });
  });
});
