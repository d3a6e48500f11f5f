/** Sistem Merit self-assessment (PROFESSIONALISM.md §3): categories (§3.5 worked examples), scoring, suggestions. */
import { describe, expect, it } from 'vitest';
import {
  checkOverride,
  KASN_2019 as K,
  kategoriOf,
  type MeritAnswers,
  type MeritEvidence,
  scoreMerit,
  suggestAnswers,
  validateMeritInstrument,
} from './merit-system.ts';

const allIndicators = K.aspects.flatMap((a) => a.indicators.map((i) => i.id));
const answerAll = (n: number): MeritAnswers => Object.fromEntries(allIndicators.map((id) => [id, n]));

describe('category boundaries (§3.3) and worked examples (§3.5)', () => {
  it.each([
    ['1: Pemprov Sulteng 2024', 264, 'III'],
    ['2: Pemprov Sultra before 2024', 221, 'II'],
    ['3: Pemprov Sultra 2024, exactly on the bound', 250, 'III'],
    ['4: 324', 324, 'III'],
    ['4: 325', 325, 'IV'],
    ['lowest', 100, 'I'],
    ['top of I', 174, 'I'],
    ['a fraction below a bound falls down', 174.99, 'I'],
    ['bottom of II', 175, 'II'],
    ['top of II', 249, 'II'],
    ['a fraction within III', 324.6, 'III'],
    ['highest', 400, 'IV'],
  ])('%s: %d → %s', (_n, score, k) => expect(kategoriOf(score)).toBe(k));

  it('5: scores below 250 never reach Baik', () => {
    expect([100, 180, 221, 249.9].map((s) => kategoriOf(s))).not.toContain('III');
  });

  it.each([99.9, 400.1, Number.NaN])('refuses %d (outside 100–400)', (s) => {
    expect(() => kategoriOf(s)).toThrow(RangeError);
  });
});

describe('the KASN instrument', () => {
  it('has the 8 verified aspects; indicators and weights are provisional with a note', () => {
    expect(K.aspects.map((a) => a.name.id)).toEqual([
      'Perencanaan kebutuhan',
      'Pengadaan',
      'Pengembangan karier',
      'Promosi dan mutasi',
      'Manajemen kinerja',
      'Penggajian, penghargaan, dan disiplin',
      'Perlindungan dan pelayanan',
      'Sistem informasi',
    ]);
    expect(K.aspects.every((a) => !a.weight.verified && a.weight.note.length > 0)).toBe(true);
    expect(K.aspects.flatMap((a) => a.indicators).every((i) => !i.verified && i.note.length > 0)).toBe(true);
    expect(new Set(allIndicators).size).toBe(allIndicators.length);
  });
});

describe('scoring', () => {
  it.each([
    [1, 100, 'I'],
    [2, 200, 'II'],
    [3, 300, 'III'],
    [4, 400, 'IV'],
  ])('every answer %i → %i, %s', (n, total, k) => {
    const r = scoreMerit(K, answerAll(n));
    expect([r.total, r.kategori, r.complete]).toEqual([total, k, true]);
  });

  it('weights the aspects and lists the gaps, largest first', () => {
    const answers = { ...answerAll(4), '8.1': 1, '8.2': 1, '3.1': 2 };
    const r = scoreMerit(K, answers);
    // each aspect can add 50; aspect 8 mean 1 → 12.5 (gap 37.5); aspect 3 mean 3.5 → 43.75 (gap 6.25)
    expect(r.total).toBe(6 * 50 + 12.5 + 43.75);
    expect(r.kategori).toBe('IV');
    expect(r.gapsByAspect.slice(0, 3)).toEqual([
      { id: '8', gap: 37.5 },
      { id: '3', gap: 6.25 },
      { id: '1', gap: 0 },
    ]);
  });

  it('an unanswered indicator leaves the total open and names it', () => {
    const answers = answerAll(3);
    delete answers['5.2'];
    const r = scoreMerit(K, answers);
    expect([r.total, r.kategori, r.complete]).toEqual([null, null, false]);
    expect(r.aspects.find((a) => a.id === '5')!.unanswered).toEqual(['5.2']);
  });

  it.each([0, 5, 2.5])('refuses the answer %d (scale 1–4)', (a) => {
    expect(() => scoreMerit(K, { ...answerAll(3), '1.1': a })).toThrow(RangeError);
  });
});

const none: MeritEvidence = {
  openSelection: null,
  objectionOnTimeShare: null,
  complaintSlaShare: null,
  training20JpShare: null,
  skpCoverageShare: null,
  skpFinalisedShare: null,
  ipAsnCoverageShare: null,
  talentPoolExists: null,
  successionPlanShare: null,
  informationSystem: null,
};
const suggest = (e: Partial<MeritEvidence>) =>
  Object.fromEntries(suggestAnswers(K, { ...none, ...e }).map((s) => [s.indicatorId, [s.answer, s.reason.id]]));

describe('suggested answers from evidence Merit holds', () => {
  it('no evidence → no suggestion', () => expect(suggestAnswers(K, none)).toEqual([]));

  it.each<[string, MeritEvidence['openSelection'], number, string]>([
    ['none held', { held: false, resultsPublished: false, recomputable: false }, 1, 'Tidak ada seleksi terbuka'],
    ['held, unpublished', { held: true, resultsPublished: false, recomputable: false }, 2, 'belum diumumkan'],
    [
      'published, not recomputable',
      { held: true, resultsPublished: true, recomputable: false },
      3,
      'tidak dapat dihitung ulang',
    ],
    [
      'published and recomputable',
      { held: true, resultsPublished: true, recomputable: true },
      4,
      'dapat dihitung ulang publik',
    ],
  ])('open selection %s → %i on 2.2 and 4.2', (_n, openSelection, answer, text) => {
    const s = suggest({ openSelection });
    expect(Object.keys(s)).toEqual(['2.2', '4.2']);
    expect(s['2.2']![0]).toBe(answer);
    expect(s['4.2']![1]).toContain(text);
  });

  it.each<[keyof MeritEvidence, string, number, number, string]>([
    ['objectionOnTimeShare', '2.3', 1, 4, '100% sanggah dijawab tepat waktu (ambang 90% → 4).'],
    ['objectionOnTimeShare', '2.3', 0.9, 4, '90% sanggah dijawab tepat waktu (ambang 90% → 4).'],
    ['complaintSlaShare', '7.2', 0.899, 3, '89,9% pengaduan selesai sesuai SLA (ambang 75% → 3).'],
    ['training20JpShare', '3.2', 0.75, 3, '75% ASN mencapai 20 JP pengembangan kompetensi (ambang 75% → 3).'],
    ['skpCoverageShare', '5.1', 0.6, 2, '60% pegawai memiliki SKP (ambang 50% → 2).'],
    ['skpFinalisedShare', '5.2', 0.49, 1, '49% SKP tahunan sudah final (ambang 0% → 1).'],
    ['ipAsnCoverageShare', '3.1', 0.5, 2, '50% pegawai sudah diukur IP ASN-nya (ambang 50% → 2).'],
    ['successionPlanShare', '3.4', 0, 1, '0% jabatan kritikal punya rencana suksesi (ambang 0% → 1).'],
  ])('%s = %d → indicator %s answer %i', (key, indicator, share, answer, reason) => {
    expect(suggest({ [key]: share })).toEqual({ [indicator]: [answer, reason] });
  });

  it.each<[boolean, number]>([
    [true, 4],
    [false, 1],
  ])('talent pool exists = %s → %i', (talentPoolExists, answer) => {
    expect(suggest({ talentPoolExists })['3.3']![0]).toBe(answer);
  });

  it.each<[MeritEvidence['informationSystem'], number]>([
    [{ online: true, auditLog: true }, 4],
    [{ online: true, auditLog: false }, 3],
    [{ online: false, auditLog: false }, 1],
  ])('information system %o → %i', (informationSystem, answer) => {
    expect(suggest({ informationSystem })['8.1']![0]).toBe(answer);
  });

  it('every reason has an English text too', () => {
    const all = suggestAnswers(K, {
      openSelection: { held: true, resultsPublished: true, recomputable: true },
      objectionOnTimeShare: 0.95,
      complaintSlaShare: 0.8,
      training20JpShare: 0.4,
      skpCoverageShare: 1,
      skpFinalisedShare: 0.97,
      ipAsnCoverageShare: 0.7,
      talentPoolExists: true,
      successionPlanShare: 0.5,
      informationSystem: { online: true, auditLog: true },
    });
    expect(all).toHaveLength(11);
    expect(all.every((s) => s.reason.en.length > 0 && s.reason.id !== s.reason.en)).toBe(true);
  });
});

describe('override needs a reason', () => {
  it.each<[number | null, number, string | null, boolean]>([
    [4, 4, null, true],
    [null, 2, null, true],
    [4, 3, null, false],
    [4, 3, 'pendek', false],
    [4, 3, 'Hasil seleksi 2025 belum diumumkan di situs resmi.', true],
  ])('suggested %s, answered %i, reason %s → ok %s', (s, a, r, ok) => {
    expect(checkOverride(s, a, r) === null).toBe(ok);
  });
});

describe('validateMeritInstrument', () => {
  const copy = () => structuredClone(K) as typeof K;
  it('the KASN default is valid', () => expect(validateMeritInstrument(K)).toEqual([]));
  it.each<[string, (k: typeof K) => void, string, string]>([
    ['no version', (k) => (k.version = ' '), 'version', 'Nama versi wajib diisi.'],
    [
      'a zero aspect weight',
      (k) => (k.aspects[2]!.weight.points = 0),
      'aspects.2.weight',
      'Bobot aspek 3 harus lebih dari 0.',
    ],
    ['an empty aspect', (k) => (k.aspects[7]!.indicators = []), 'aspects.7.indicators', 'Aspek 8 harus punya'],
    [
      'a duplicate indicator',
      (k) => (k.aspects[1]!.indicators[0]!.id = '1.1'),
      'aspects.1.indicators.0.id',
      'Kode indikator 1.1',
    ],
    [
      'an unknown evidence',
      (k) => (k.aspects[0]!.indicators[0]!.evidence = 'x' as never),
      'aspects.0.indicators.0.evidence',
      'tidak dikenal',
    ],
    ['categories out of order', (k) => (k.categories[1]!.min = 330), 'categories', 'Batas bawah kategori'],
    ['a bad scale', (k) => (k.scale.max = 1), 'scale', 'Skala jawaban'],
  ])('refuses %s', (_n, edit, field, text) => {
    const k = copy();
    edit(k);
    const problems = validateMeritInstrument(k);
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.find((p) => p.field === field)!.message.id).toContain(text);
  });
});
