import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFormationsCsv, parseSkdCsv, serializeRanking } from './csv.ts';
import { rankFormations, rankSkd, type Formation, type SkdRow } from './ranking.ts';
import { NEED_TYPES, passesThreshold, thresholdRuleSet, type NeedType } from './thresholds.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const R2024 = thresholdRuleSet(2024)!;

/** Ranks CSV text end to end through the same functions the CLI calls. */
function rankCsv(formations: string, skd: string, year = 2024): string {
  const f = parseFormationsCsv(enc(formations), 'formations.csv');
  const t = parseSkdCsv(enc(skd), 'skd.csv', f);
  return dec(serializeRanking(f, t, rankSkd(thresholdRuleSet(year)!, f, t)));
}

describe('passesThreshold (KepMenPANRB 651/2023, 321/2024)', () => {
  const cases: [NeedType, number, number, number, boolean][] = [
    ['umum', 65, 80, 166, true],
    ['umum', 60, 80, 166, false],
    ['umum', 65, 75, 166, false],
    ['umum', 65, 80, 165, false],
    ['kalimantan', 65, 80, 166, true],
    ['kalimantan', 65, 80, 165, false],
    ['cumlaude', 100, 85, 126, true], // total 311
    ['cumlaude', 100, 85, 125, false], // total 310
    ['cumlaude', 150, 80, 200, false], // TIU 80 < 85
    ['diaspora', 40, 85, 186, true], // TWK/TKP minimums do not apply
    ['diaspora', 40, 85, 185, false],
    ['disabilitas', 60, 60, 166, true], // total 286
    ['disabilitas', 60, 60, 165, false],
    ['disabilitas', 100, 55, 200, false],
    ['papua', 5, 60, 221, true], // 286
    ['papua', 5, 60, 220, false], // 285
    ['daerah_tertinggal', 60, 60, 166, true],
    ['daerah_tertinggal', 60, 55, 171, false],
  ];
  for (const year of [2023, 2024]) {
    it.each(cases)(`${year} %s TWK %i TIU %i TKP %i → %s`, (nt, twk, tiu, tkp, pass) => {
      expect(passesThreshold(thresholdRuleSet(year)!.rules[nt], twk, tiu, tkp)).toBe(pass);
    });
  }
  it('cites the regulation of each year and has a rule for every jenis kebutuhan', () => {
    expect(thresholdRuleSet(2023)!.regulation).toBe('KepMenPANRB 651/2023');
    expect(thresholdRuleSet(2024)!.regulation).toBe('KepMenPANRB 321/2024');
    for (const nt of NEED_TYPES) expect(R2024.rules[nt]).toBeDefined();
    expect(thresholdRuleSet(2022)).toBeUndefined();
  });
});

const F = (rows: string[]) => ['formation_id,need_type,quota', ...rows].join('\n') + '\n';
const S = (rows: string[]) => ['participant_no,formation_id,twk,tiu,tkp', ...rows].join('\n') + '\n';
const body = (csv: string) => csv.split('\n').slice(1, -1);

describe('rankSkd', () => {
  it('shares ranks 1, 2, 2, 4 among fully equal candidates', () => {
    const out = rankCsv(
      F(['A,umum,5']),
      S(['p1,A,100,100,200', 'p3,A,90,100,200', 'p2,A,90,100,200', 'p4,A,80,100,200']),
    );
    expect(body(out)).toEqual([
      'A,p1,100,100,200,400,P,1,Y',
      'A,p2,90,100,200,390,P,2,Y',
      'A,p3,90,100,200,390,P,2,Y',
      'A,p4,80,100,200,380,P,4,Y',
    ]);
  });
  // Equal total, TKP and TIU force equal TWK, so TWK is the last tie-break only in name.
  it('breaks equal totals by TKP, then TIU, all descending', () => {
    const out = rankCsv(F(['A,umum,5']), S(['d,A,80,90,200', 'a,A,70,100,200', 'c,A,75,95,200', 'b,A,65,100,205']));
    expect(body(out).map((l) => l.split(',')[1])).toEqual(['b', 'a', 'c', 'd']);
  });
  it('lets everyone tied at the 3 × quota cut advance, and nobody below it', () => {
    const out = rankCsv(
      F(['A,umum,1']),
      S(['a,A,100,100,200', 'b,A,90,100,200', 'c,A,80,100,200', 'd,A,80,100,200', 'e,A,80,100,200', 'f,A,75,100,200']),
    );
    expect(body(out)).toEqual([
      'A,a,100,100,200,400,P,1,Y',
      'A,b,90,100,200,390,P,2,Y',
      'A,c,80,100,200,380,P,3,Y',
      'A,d,80,100,200,380,P,3,Y',
      'A,e,80,100,200,380,P,3,Y',
      'A,f,75,100,200,375,P,6,N',
    ]);
  });
  it('ranks a row at exactly the threshold and fails one step below', () => {
    const out = rankCsv(F(['A,umum,1']), S(['at,A,65,80,166', 'below,A,65,80,165']));
    expect(body(out)).toEqual(['A,at,65,80,166,311,P,1,Y', 'A,below,65,80,165,310,TL,,N']);
  });
  it('publishes an all-absent formation as TH rows in participant order', () => {
    expect(body(rankCsv(F(['A,umum,1']), S(['z,A,,,', 'b,A,,,'])))).toEqual(['A,b,,,,,TH,,N', 'A,z,,,,,TH,,N']);
  });
  it('publishes an all-failed formation as TL rows by score then participant', () => {
    expect(body(rankCsv(F(['A,cumlaude,1']), S(['x,A,150,80,200', 'w,A,150,80,200', 'y,A,150,85,75'])))).toEqual([
      'A,w,150,80,200,430,TL,,N',
      'A,x,150,80,200,430,TL,,N',
      'A,y,150,85,75,310,TL,,N',
    ]);
  });
  it('advances every passer when the quota exceeds the passers', () => {
    const out = rankCsv(F(['A,papua,10']), S(['a,A,100,60,126', 'b,A,0,0,0', 'c,A,,,']));
    expect(body(out)).toEqual(['A,a,100,60,126,286,P,1,Y', 'A,b,0,0,0,0,TL,,N', 'A,c,,,,,TH,,N']);
  });
  it('orders formations and participants by UTF-8 bytes, not locale', () => {
    const out = rankCsv(
      F(['b,umum,1', 'B,umum,1', 'é,umum,1', '😀,umum,1', '\uffee,umum,1']),
      S(['1,b,,,', '2,B,,,', '3,é,,,', '4,😀,,,', '5,\uffee,,,']),
    );
    expect(body(out).map((l) => l.split(',')[0])).toEqual(['B', 'b', 'é', '\uffee', '😀']);
  });
  it('gives the platform the same rows through rankFormations', () => {
    const formations: Formation[] = [{ id: 'A', needType: 'umum', quota: 1 }];
    const rows: SkdRow[] = [
      { formationId: 'A', participantNo: 'p2', twk: 65, tiu: 80, tkp: 166 },
      { formationId: 'A', participantNo: 'p1', twk: null, tiu: null, tkp: null },
    ];
    expect(rankFormations(R2024, formations, rows)).toEqual([
      {
        formationId: 'A',
        participantNo: 'p2',
        twk: 65,
        tiu: 80,
        tkp: 166,
        total: 311,
        status: 'P',
        rank: 1,
        advancesToSkb: true,
      },
      {
        formationId: 'A',
        participantNo: 'p1',
        twk: null,
        tiu: null,
        tkp: null,
        total: null,
        status: 'TH',
        rank: null,
        advancesToSkb: false,
      },
    ]);
  });
});

describe('rankSkd properties', () => {
  const score = (max: number, step: number) => fc.integer({ min: 0, max: max / step }).map((v) => v * step);
  const input = fc.record({
    formations: fc.array(
      fc.record({ needType: fc.constantFrom(...NEED_TYPES), quota: fc.integer({ min: 1, max: 4 }) }),
      { minLength: 1, maxLength: 4 },
    ),
    rows: fc.array(
      fc.record({ f: fc.nat(), absent: fc.boolean(), twk: score(150, 5), tiu: score(175, 5), tkp: score(225, 1) }),
      { maxLength: 60 },
    ),
  });
  type Input = {
    formations: { needType: NeedType; quota: number }[];
    rows: { f: number; absent: boolean; twk: number; tiu: number; tkp: number }[];
  };
  const toCsv = (x: Input) => ({
    formations: F(x.formations.map((f, i) => `F${i},${f.needType},${f.quota}`)),
    skd: S(
      x.rows.map(
        (r, i) =>
          `P${(i * 7) % 101}-${i},F${r.f % x.formations.length},${r.absent ? ',,' : `${r.twk},${r.tiu},${r.tkp}`}`,
      ),
    ),
  });

  it('outputs a permutation of the input participants', () => {
    fc.assert(
      fc.property(input, (x) => {
        const { formations, skd } = toCsv(x);
        const ids = (csv: string, col: number) =>
          body(csv)
            .map((l) => l.split(',')[col])
            .sort();
        expect(ids(rankCsv(formations, skd), 1)).toEqual(ids(skd, 0));
      }),
    );
  });
  it('advances exactly the passers ranked within 3 × quota', () => {
    fc.assert(
      fc.property(input, (x) => {
        const { formations, skd } = toCsv(x);
        for (const l of body(rankCsv(formations, skd))) {
          const [f, , , , , , status, rank, adv] = l.split(',');
          const quota = x.formations[Number(f!.slice(1))]!.quota;
          expect(adv === 'Y').toBe(status === 'P' && Number(rank) <= 3 * quota);
        }
      }),
    );
  });
  it('re-ranks its own output to identical bytes', () => {
    fc.assert(
      fc.property(input, (x) => {
        const { formations, skd } = toCsv(x);
        const once = rankCsv(formations, skd);
        expect(rankCsv(formations, once)).toBe(once);
      }),
    );
  });
});
