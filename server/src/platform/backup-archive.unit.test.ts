/** The backup archive is a standard gzip'd ustar: it round-trips, `tar` reads it, and damage is caught. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, createArchiveWriter, readArchive } from './backup-archive.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'merit-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entries = [
  { name: 'db/accounts/000001.ndjson', data: Buffer.from('"(1,a)"\n"(2,b)"') },
  { name: 'files/ab/cd/abcd0000-0000-4000-8000-000000000000', data: randomBytes(70_000) },
  { name: 'empty', data: Buffer.alloc(0) },
  { name: 'manifest.json', data: Buffer.from('{"format":"merit-backup"}') },
];

async function write(file: string) {
  const w = createArchiveWriter(file, { now: new Date('2026-01-02T03:04:05Z') });
  for (const e of entries) await w.add(e.name, e.data);
  await w.close();
}

async function readAll(file: string) {
  const out: { name: string; data: Buffer }[] = [];
  for await (const e of readArchive(file)) out.push(e);
  return out;
}

describe('backup archive', () => {
  it('reads back every entry in order, byte for byte', async () => {
    const file = path.join(dir, 'a.tar.gz');
    await write(file);
    expect(await readAll(file)).toEqual(entries);
  });

  it('is a tar that the system tar lists', async () => {
    const file = path.join(dir, 'b.tar.gz');
    await write(file);
    const r = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
    if (r.error) return; // no tar on this machine
    expect(r.stdout.trim().split('\n')).toEqual(entries.map((e) => e.name));
  });

  it('refuses a truncated archive and a damaged header', async () => {
    const file = path.join(dir, 'c.tar.gz');
    await write(file);
    const tar = gunzipSync(readFileSync(file));
    writeFileSync(path.join(dir, 'cut.tar.gz'), gzipSync(tar.subarray(0, 1024)));
    await expect(readAll(path.join(dir, 'cut.tar.gz'))).rejects.toThrow(ArchiveError);
    tar.writeUInt8(tar.readUInt8(3) ^ 1, 3);
    writeFileSync(path.join(dir, 'bad.tar.gz'), gzipSync(tar));
    await expect(readAll(path.join(dir, 'bad.tar.gz'))).rejects.toThrow(/checksum/);
  });

  it('will not overwrite an existing file', async () => {
    const file = path.join(dir, 'd.tar.gz');
    writeFileSync(file, 'keep');
    const w = createArchiveWriter(file, { now: new Date() });
    await expect(w.close()).rejects.toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });
});
