import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIntegrate, runRank, type CliIo } from './cli.ts';

// Hand-computed golden example (docs/open-data.md walks through it).
const FORMATIONS = 'formation_id,need_type,quota\nF2,cumlaude,1\nF1,umum,1\n';
const SKD = [
  'participant_no,formation_id,twk,tiu,tkp',
  'P05,F1,65,80,166', // exactly at the umum threshold: P, total 311
  'P03,F1,100,100,200', // 400, TKP 200
  'P01,F1,90,100,210', // 400, TKP 210
  'P04,F1,90,100,210', // fully equal to P01: shares rank 1
  'P02,F1,60,120,200', // TWK 60 < 65: TL
  'P06,F1,,,', // absent: TH
  'P07,F1,65,75,200', // TIU 75 < 80: TL
  'P08,F2,100,85,126', // cumlaude total 311, TIU 85: P
  'P09,F2,100,80,200', // cumlaude TIU 80 < 85: TL
].join('\r\n');
const RANKING = [
  'formation_id,participant_no,twk,tiu,tkp,total,status,rank,advances_to_skb',
  'F1,P01,90,100,210,400,P,1,Y',
  'F1,P04,90,100,210,400,P,1,Y',
  'F1,P03,100,100,200,400,P,3,Y', // 3 × quota 1 = 3
  'F1,P05,65,80,166,311,P,4,N',
  'F1,P02,60,120,200,380,TL,,N',
  'F1,P07,65,75,200,340,TL,,N',
  'F1,P06,,,,,TH,,N',
  'F2,P08,100,85,126,311,P,1,Y',
  'F2,P09,100,80,200,380,TL,,N',
  '',
].join('\n');
const SKB = [
  'participant_no,skb,ipk,birth_date',
  'P01,80.5,3.50,1995-01-01',
  'P04,80.5,3.50,1994-06-30',
  'P03,90,3.10,1996-03-03',
  'P08,,3.90,1997-07-07',
  '',
].join('\n');
const FINAL = [
  'formation_id,participant_no,skd_total,skb,final_score,rank,result',
  'F1,P03,400,90,83.091,1,L', // 0.4 × 400/550 × 100 + 0.6 × 90 = 83.0909…
  'F1,P04,400,80.5,77.391,2,TL', // 77.3909…; older than P01
  'F1,P01,400,80.5,77.391,3,TL',
  'F2,P08,311,,,,TH',
  '',
].join('\n');

let dir: string;
let messages: string[];
const io: CliIo = { out: (m) => messages.push(m), err: (m) => messages.push(m) };
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'merit-rank-'));
  messages = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('merit rank', () => {
  it('writes the golden ranking.csv byte for byte', async () => {
    const out = join(dir, 'ranking.csv');
    const code = await runRank(
      [
        '--year',
        '2024',
        '--formations',
        file('formations.csv', FORMATIONS),
        '--scores',
        file('skd.csv', SKD),
        '--out',
        out,
      ],
      io,
    );
    expect(code).toBe(0);
    expect(readFileSync(out).equals(Buffer.from(RANKING, 'utf8'))).toBe(true);
    expect(messages[0]).toContain('KepMenPANRB 321/2024');
  });
  it('re-ranks its own output to the same bytes', async () => {
    const out = join(dir, 'again.csv');
    expect(
      await runRank(
        [
          '--year',
          '2023',
          '--formations',
          file('formations.csv', FORMATIONS),
          '--scores',
          file('ranking.csv', RANKING),
          '--out',
          out,
        ],
        io,
      ),
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(RANKING);
  });
  it.each([
    ['TWK not a multiple of 5', SKD.replace('P05,F1,65,', 'P05,F1,152,'), 'skd.csv baris 2: TWK 152 bukan kelipatan 5'],
    [
      'unknown formation',
      SKD.replace('P09,F2', 'P09,F9'),
      'skd.csv baris 10: formation_id F9 tidak ada di berkas formasi',
    ],
    [
      'duplicate participant',
      SKD.replace('P09', 'P01'),
      'skd.csv baris 10: participant_no P01 ganda (sudah ada di baris 4)',
    ],
    ['bad header', SKD.replace('tkp', 'tkq'), 'skd.csv baris 1: header tidak sah'],
  ])('exits 2 on %s, names file and line, writes nothing', async (_, skd, message) => {
    const out = join(dir, 'ranking.csv');
    expect(
      await runRank(
        [
          '--year',
          '2024',
          '--formations',
          file('formations.csv', FORMATIONS),
          '--scores',
          file('skd.csv', skd),
          '--out',
          out,
        ],
        io,
      ),
    ).toBe(2);
    expect(messages.join('\n')).toContain(message.replace('skd.csv', join(dir, 'skd.csv')));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });
  it('exits 2 on a bad quota in formations.csv', async () => {
    const out = join(dir, 'ranking.csv');
    const f = file('formations.csv', FORMATIONS.replace('F1,umum,1', 'F1,umum,0'));
    expect(
      await runRank(['--year', '2024', '--formations', f, '--scores', file('skd.csv', SKD), '--out', out], io),
    ).toBe(2);
    expect(messages.join('\n')).toContain(`${f} baris 3: quota "0" tidak sah`);
    expect(existsSync(out)).toBe(false);
  });
  it.each([[['--year', '2022']], [['--formations']], [['--bogus', 'x']]])('exits 2 on bad usage %j', async (args) => {
    expect(await runRank(args, io)).toBe(2);
    expect(messages.join('\n')).toContain('Penggunaan: merit rank');
  });
});

describe('merit integrate', () => {
  const args = (skb: string, out: string) => [
    '--formations',
    file('formations.csv', FORMATIONS),
    '--ranking',
    file('ranking.csv', RANKING),
    '--skb',
    file('skb.csv', skb),
    '--out',
    out,
  ];
  it('writes the golden final.csv byte for byte', async () => {
    const out = join(dir, 'final.csv');
    expect(await runIntegrate(args(SKB, out), io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(FINAL);
  });
  it('writes the same final.csv from the published tie_order as from IPK and birth dates (P04 older than P01)', async () => {
    const published = ['participant_no,skb,tie_order', 'P01,80.5,2', 'P04,80.5,1', 'P03,90,1', 'P08,,', ''].join('\n');
    const out = join(dir, 'final.csv');
    expect(await runIntegrate(args(published, out), io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(FINAL);
  });
  it.each([
    ['a missing advancing participant', SKB.replace('P03,90,3.10,1996-03-03\n', ''), 'peserta P03 lolos ke SKB'],
    ['a participant who did not advance', SKB + 'P05,70,3.00,1990-01-01\n', 'baris 6: peserta P05 tidak lolos ke SKB'],
    ['an SKB score with 3 decimals', SKB.replace('90,', '90.125,'), 'baris 4: skb "90.125" tidak sah'],
  ])('exits 2 on %s and writes nothing', async (_, skb, message) => {
    const out = join(dir, 'final.csv');
    expect(await runIntegrate(args(skb, out), io)).toBe(2);
    expect(messages.join('\n')).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
