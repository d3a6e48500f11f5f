import { describe, expect, it } from 'vitest';
import { InputError, parseFormationsCsv, parseRankingCsv, parseSkbCsv, parseSkdCsv } from './csv.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FORMATIONS = 'formation_id,need_type,quota\nA,umum,1\nB,papua,2\n';
const formations = parseFormationsCsv(enc(FORMATIONS), 'formations.csv');
const RANKING = [
  'formation_id,participant_no,twk,tiu,tkp,total,status,rank,advances_to_skb',
  'A,p1,100,100,200,400,P,1,Y',
  'A,p2,50,100,200,350,TL,,N',
  'A,p3,,,,,TH,,N',
].join('\n');

function error(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseFormationsCsv', () => {
  it('finds columns by name, ignores extra columns, accepts CRLF, BOM and no final newline', () => {
    expect(
      parseFormationsCsv(enc('\ufeffquota,jabatan,need_type,formation_id\r\n3,Guru,cumlaude,X\r\n\r\n'), 'f.csv'),
    ).toEqual([{ id: 'X', needType: 'cumlaude', quota: 3 }]);
    expect(parseFormationsCsv(enc('formation_id,need_type,quota\nX,umum,1'), 'f.csv')).toHaveLength(1);
  });
  it.each([
    ['formation_id,need_type\nA,umum\n', 1, 'header tidak sah: kolom quota tidak ada'],
    ['formation_id,need_type,quota,quota\nA,umum,1,1\n', 1, 'kolom "quota" muncul dua kali'],
    ['formation_id,need_type,quota\nA,umum,1\nA,umum,2\n', 3, 'formation_id A ganda (sudah ada di baris 2)'],
    ['formation_id,need_type,quota\nA,khusus,1\n', 2, 'need_type "khusus" tidak dikenal'],
    ['formation_id,need_type,quota\nA,umum,0\n', 2, 'quota "0" tidak sah'],
    ['formation_id,need_type,quota\nA,umum,-1\n', 2, 'quota "-1" tidak sah'],
    ['formation_id,need_type,quota\nA,umum,1.5\n', 2, 'quota "1.5" tidak sah'],
    ['formation_id,need_type,quota\nA,umum,\n', 2, 'quota "" tidak sah'],
    ['formation_id,need_type,quota\n"A",umum,1\n', 2, 'tanda kutip'],
    ['formation_id,need_type,quota\nA,umum,1,x\n', 2, 'jumlah kolom lebih dari 3'],
    ['formation_id,need_type,quota\nA,umum\n', 2, 'jumlah kolom 2, seharusnya 3'],
    ['formation_id,need_type,quota\n\nA,umum,1\n', 2, 'baris kosong'],
    ['formation_id,need_type,quota\n,umum,1\n', 2, 'formation_id kosong'],
    ['', 1, 'berkas kosong'],
  ])('rejects %j at line %i: %s', (text, line, problem) => {
    const e = error(() => parseFormationsCsv(enc(text), 'formations.csv'));
    expect(e.line).toBe(line);
    expect(e.message).toContain(`formations.csv baris ${line}: `);
    expect(e.message).toContain(problem);
  });
});

describe('parseSkdCsv', () => {
  const H = 'participant_no,formation_id,twk,tiu,tkp\n';
  it('reads scores and absences, ignoring extra columns', () => {
    const t = parseSkdCsv(
      enc('lokasi,participant_no,formation_id,twk,tiu,tkp\nPalu,p1,A,150,175,225\nPalu,p2,B,,,\n'),
      'skd.csv',
      formations,
    );
    expect([t.count, Array.from(t.twk), Array.from(t.tiu), Array.from(t.tkp), Array.from(t.formation)]).toEqual([
      2,
      [150, -1],
      [175, -1],
      [225, -1],
      [0, 1],
    ]);
  });
  it.each([
    ['p1,Z,65,80,166', 'formation_id Z tidak ada di berkas formasi'],
    ['p1,A,152,80,166', 'TWK 152 bukan kelipatan 5'],
    ['p1,A,155,80,166', 'TWK 155 di luar rentang 0–150'],
    ['p1,A,65,81,166', 'TIU 81 bukan kelipatan 5'],
    ['p1,A,65,180,166', 'TIU 180 di luar rentang 0–175'],
    ['p1,A,65,80,226', 'TKP 226 di luar rentang 0–225'],
    ['p1,A,-5,80,166', 'TWK "-5" bukan bilangan bulat'],
    ['p1,A,65,80,166.5', 'TKP "166.5" bukan bilangan bulat'],
    ['p1,A,65, 80,166', 'TIU " 80" bukan bilangan bulat'],
    ['p1,A,65,,166', 'harus terisi semua'],
    ['p1,A,,,166', 'harus terisi semua'],
    [',A,65,80,166', 'participant_no kosong'],
    ['p1,A,65,80,166\tx', 'karakter kendali'],
  ])('rejects %j', (row, problem) => {
    const e = error(() => parseSkdCsv(enc(`${H}p0,A,,,\n${row}\n`), 'skd.csv', formations));
    expect(e.message.startsWith('skd.csv baris 3: ')).toBe(true);
    expect(e.message).toContain(problem);
  });
  it('names the line of a duplicate participant and of its first occurrence', () => {
    const e = error(() => parseSkdCsv(enc(`${H}p1,A,,,\np2,A,,,\np1,B,,,\n`), 'skd.csv', formations));
    expect(e.message).toBe('skd.csv baris 4: participant_no p1 ganda (sudah ada di baris 2)');
  });
  it('rejects a header without the score columns', () => {
    expect(
      error(() => parseSkdCsv(enc('participant_no,formation_id,twk,tiu\n'), 'skd.csv', formations)).message,
    ).toContain('skd.csv baris 1: header tidak sah: kolom tkp tidak ada');
  });
});

describe('parseRankingCsv and parseSkbCsv', () => {
  const ranking = parseRankingCsv(enc(RANKING), 'ranking.csv', formations);
  const SKB = 'participant_no,skb,ipk,birth_date\n';
  it('keeps only advancing participants and reads their SKB data', () => {
    expect(ranking.advancing.map((a) => a.participantNo)).toEqual(['p1']);
    expect(parseSkbCsv(enc(`${SKB}p1,85.5,3.25,1990-02-28\n`), 'skb.csv', ranking, 'ranking.csv')).toEqual([
      {
        formation: 0,
        participantNo: 'p1',
        twk: 100,
        tiu: 100,
        tkp: 200,
        skbHundredths: 8550,
        skbText: '85.5',
        ipkHundredths: 325,
        ageKey: '1990-02-28',
      },
    ]);
  });
  it.each([
    ['p2,80,3.00,1990-01-01', 2, 'peserta p2 tidak lolos ke SKB'],
    ['p9,80,3.00,1990-01-01', 2, 'peserta p9 tidak ada di ranking.csv'],
    ['p1,100.01,3.00,1990-01-01', 2, 'skb "100.01" tidak sah'],
    ['p1,80.123,3.00,1990-01-01', 2, 'skb "80.123" tidak sah'],
    ['p1,80,3.001,1990-01-01', 2, 'ipk "3.001" tidak sah'],
    ['p1,80,3.00,1990-02-30', 2, 'birth_date "1990-02-30" bukan tanggal'],
    ['p1,80,3.00,01-01-1990', 2, 'birth_date "01-01-1990" bukan tanggal'],
    ['p1,80,,1990-01-01', 2, 'ipk wajib diisi'],
    ['p1,80,3.00,1990-01-01\np1,80,3.00,1990-01-01', 3, 'participant_no p1 ganda (sudah ada di baris 2)'],
  ])('rejects %j at line %i', (rows, line, problem) => {
    const e = error(() => parseSkbCsv(enc(`${SKB}${rows}\n`), 'skb.csv', ranking, 'ranking.csv'));
    expect(e.message.startsWith(`skb.csv baris ${line}: `)).toBe(true);
    expect(e.message).toContain(problem);
  });
  it('reads the published tie_order instead of IPK and birth date, and refuses a bad or mixed header', () => {
    const TIE = 'participant_no,skb,tie_order\n';
    expect(parseSkbCsv(enc(`${TIE}p1,85.5,2\n`), 'skb.csv', ranking, 'ranking.csv')).toEqual([
      {
        formation: 0,
        participantNo: 'p1',
        twk: 100,
        tiu: 100,
        tkp: 200,
        skbHundredths: 8550,
        skbText: '85.5',
        ipkHundredths: 0,
        ageKey: '0000000002',
      },
    ]);
    expect(error(() => parseSkbCsv(enc(`${TIE}p1,85.5,0\n`), 'skb.csv', ranking, 'ranking.csv')).message).toBe(
      'skb.csv baris 2: tie_order "0" tidak sah; harus bilangan bulat positif',
    );
    expect(error(() => parseSkbCsv(enc(`${TIE}p1,85.5,\n`), 'skb.csv', ranking, 'ranking.csv')).message).toBe(
      'skb.csv baris 2: tie_order wajib diisi bila skb terisi',
    );
    expect(
      error(() =>
        parseSkbCsv(enc('participant_no,skb,ipk,tie_order\np1,80,3.00,1\n'), 'skb.csv', ranking, 'ranking.csv'),
      ).message,
    ).toContain('bukan keduanya');
    expect(
      error(() => parseSkbCsv(enc('participant_no,skb,ipk\np1,80,3.00\n'), 'skb.csv', ranking, 'ranking.csv')).message,
    ).toContain('kolom tie_order tidak ada');
  });

  it('names an advancing participant missing from skb.csv', () => {
    expect(error(() => parseSkbCsv(enc(SKB), 'skb.csv', ranking, 'ranking.csv')).message).toBe(
      'skb.csv: peserta p1 lolos ke SKB (ranking.csv baris 2) tetapi tidak ada di skb.csv',
    );
  });
  it.each([
    ['A,p1,100,100,200,401,P,1,Y', 'total "401" tidak sama'],
    ['A,p1,100,100,200,400,TL,,Y', 'advances_to_skb Y hanya untuk status P'],
    ['A,p1,100,100,200,400,X,,N', 'status "X" tidak sah'],
    ['A,p1,,,,,P,,N', 'status P tidak cocok'],
    ['Z,p1,100,100,200,400,P,1,Y', 'formation_id Z tidak ada'],
  ])('rejects ranking row %j', (row, problem) => {
    const e = error(() => parseRankingCsv(enc(`${RANKING.split('\n')[0]}\n${row}\n`), 'ranking.csv', formations));
    expect(e.message.startsWith('ranking.csv baris 2: ')).toBe(true);
    expect(e.message).toContain(problem);
  });
});
