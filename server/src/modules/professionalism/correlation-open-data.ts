/**
 * The selection-vs-performance open dataset (participation's open-data catalog lists it): the
 * aggregate the public correlation page shows — per recruitment period and pair of measures
 * (selection score × what followed), n, Spearman's ρ and its 95 % interval, and the warning below
 * 30 people — for the whole cohort and for each jenis kebutuhan / formation type group. A group
 * under 30 keeps its row with every number empty, not even its size. Never a person's pair.
 */
import type {
  CorrelationReport,
  Group,
  Outcome,
  Predictor,
  Relation,
} from '../../../../common/contracts/correlation.ts';

type Cell = string | number | boolean | null;

const PREDICTOR_WORDS: Record<Predictor, string> = {
  skd: 'SKD total',
  twk: 'SKD - TWK',
  tiu: 'SKD - TIU',
  tkp: 'SKD - TKP',
  skb: 'SKB',
  final: 'Nilai akhir (integrasi)',
};
const OUTCOME_WORDS: Record<Outcome, string> = {
  latsar: 'Hasil Latsar',
  skp: 'Predikat SKP tahun pertama',
  ipAsn: 'IP ASN (total)',
};
const GROUP_WORDS: Record<Group['dimension'], string> = {
  needType: 'Jenis kebutuhan',
  formationKind: 'Jenis formasi',
};

/** Words people read, not stored codes (as the public page and issue 23's other datasets). */
const KEY_WORDS: Record<string, string> = {
  umum: 'Umum',
  cumlaude: 'Lulusan cumlaude',
  disabilitas: 'Penyandang disabilitas',
  papua: 'Putra/putri Papua',
  diaspora: 'Diaspora',
  kalimantan: 'Putra/putri Kalimantan',
  daerah_tertinggal: 'Daerah tertinggal',
  guru: 'Tenaga guru',
  kesehatan: 'Tenaga kesehatan',
  teknis: 'Tenaga teknis',
};

function warningWords(r: Relation | null, smallSample: number): string | null {
  if (!r) return null;
  if (r.warning === 'small') return `sampel kecil (n < ${smallSample}): jangan ditarik kesimpulan`;
  if (r.warning === 'flat') return 'tidak dapat dihitung: salah satu nilai tidak bervariasi';
  return null;
}

/** The dataset's title, description, fields and rows from the public correlation reports (newest period first). */
export function correlationDataset(reports: readonly CorrelationReport[]) {
  const minGroup = reports[0]?.minGroup ?? 30;
  const smallSample = reports[0]?.smallSample ?? 30;
  const rows: Cell[][] = [];
  for (const rep of reports) {
    const p = rep.period;
    const row = (
      group: string,
      shown: boolean,
      r: Relation | null,
      pair: { predictor: Predictor; outcome: Outcome },
    ) => [
      p.code,
      p.name,
      p.year,
      p.type,
      p.demo ? 'ya' : 'tidak',
      group,
      PREDICTOR_WORDS[pair.predictor],
      OUTCOME_WORDS[pair.outcome],
      shown ? 'ya' : `kurang dari ${rep.minGroup} orang`,
      r?.n ?? null,
      r?.rho ?? null,
      r?.low ?? null,
      r?.high ?? null,
      warningWords(r, rep.smallSample),
    ];
    for (const r of rep.relations) rows.push(row('Semua', true, r, r));
    for (const g of rep.groups) {
      const name = `${GROUP_WORDS[g.dimension]}: ${KEY_WORDS[g.key] ?? g.key}`;
      if (g.hidden) {
        // The public page says only that the group is hidden: one row per pair, every number empty.
        for (const r of rep.relations) rows.push(row(name, false, null, r));
      } else for (const r of g.relations) rows.push(row(name, true, r, r));
    }
  }
  return {
    title: 'Nilai seleksi dan kinerja sesudahnya (korelasi)',
    description: `Untuk setiap periode seleksi yang pegawainya sudah punya predikat SKP tahun pertama: korelasi peringkat Spearman (ρ) antara nilai seleksi (SKD dan subtesnya, SKB, nilai akhir) dan hasil sesudahnya (Latsar, predikat SKP tahun pertama, IP ASN), dengan selang kepercayaan 95 % dan jumlah orang (n); n < ${smallSample} diberi peringatan. Dipisah menurut jenis kebutuhan dan jenis formasi hanya untuk kelompok sedikitnya ${minGroup} orang. Hanya angka agregat — tidak ada pasangan nilai perorangan. Periode berkode DEMO- berisi data demo (sintetis).`,
    fields: [
      { name: 'periode', type: 'string' as const, description: 'Kode periode seleksi' },
      { name: 'nama_periode', type: 'string' as const, description: 'Nama periode seleksi' },
      { name: 'tahun', type: 'integer' as const, description: 'Tahun seleksi' },
      { name: 'jenis_seleksi', type: 'string' as const, description: 'CPNS atau PPPK' },
      { name: 'data_demo', type: 'string' as const, description: 'ya bila periode berisi data demo (sintetis)' },
      {
        name: 'kelompok',
        type: 'string' as const,
        description: 'Semua, atau "Jenis kebutuhan: …" / "Jenis formasi: …"',
      },
      { name: 'nilai_seleksi', type: 'string' as const, description: 'SKD total, subtes SKD, SKB atau nilai akhir' },
      { name: 'hasil', type: 'string' as const, description: 'Hasil Latsar, predikat SKP tahun pertama atau IP ASN' },
      {
        name: 'ditampilkan',
        type: 'string' as const,
        description: `ya, atau "kurang dari ${minGroup} orang" (kelompok disembunyikan)`,
      },
      { name: 'n', type: 'integer' as const, description: 'Jumlah orang dengan kedua nilai' },
      { name: 'rho', type: 'number' as const, description: 'Korelasi peringkat Spearman (−1 s.d. 1)' },
      { name: 'sk95_bawah', type: 'number' as const, description: 'Batas bawah selang kepercayaan 95 %' },
      { name: 'sk95_atas', type: 'number' as const, description: 'Batas atas selang kepercayaan 95 %' },
      {
        name: 'peringatan',
        type: 'string' as const,
        description: `Sampel kecil (n < ${smallSample}) atau tidak bervariasi`,
      },
    ],
    rows,
  };
}
