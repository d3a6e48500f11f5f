/**
 * The IP ASN open dataset (participation's open-data catalog lists it): the public figures — city
 * and each OPD, all ASN and PNS/PPPK apart — one row per group; a group under five people keeps
 * its row with every number empty and says so, and the instrument version and its provisional
 * cells are stated in the description. No person appears.
 */
import { BAND_LABELS } from './domain/ip-asn.ts';
import type { publicFigures } from './ip-report-dashboard.ts';

type PublicFigures = Awaited<ReturnType<typeof publicFigures>>;
type Cell = string | number | boolean | null;

const GROUP_WORDS = { all: 'ASN', PNS: 'PNS', PPPK: 'PPPK' } as const;

/** The dataset's title, description, fields and rows from the public figures of a year. */
export function ipAsnDataset(f: PublicFigures) {
  const provisional = f.instrument?.provisionalCells.map((c) => c.cell).join(', ') ?? '';
  const row = (opd: string, g: PublicFigures['city'][number]): Cell[] => {
    const x = g.figure;
    return [
      f.year,
      opd,
      GROUP_WORDS[g.group],
      x.shown ? 'ya' : `kurang dari ${f.minGroup} orang`,
      x.of,
      x.n,
      x.participation,
      x.means?.kualifikasi ?? null,
      x.means?.kompetensi ?? null,
      x.means?.kinerja ?? null,
      x.means?.disiplin ?? null,
      x.total,
      x.band ? BAND_LABELS[x.band].id : null,
      x.bands?.sangat_tinggi ?? null,
      x.bands?.tinggi ?? null,
      x.bands?.sedang ?? null,
      x.bands?.rendah ?? null,
      x.bands?.sangat_rendah ?? null,
      f.instrument?.version ?? null,
    ];
  };
  return {
    title: 'Indeks Profesionalitas ASN Kota Palu per OPD',
    description: `IP ASN ${f.year ?? '-'} (PermenPANRB 38/2018): jumlah rata-rata empat dimensi atas pegawai dengan data lengkap, per kota dan OPD, PNS (termasuk CPNS) dan PPPK terpisah. Kelompok dengan kurang dari ${f.minGroup} orang tidak diberi angka. Instrumen ${f.instrument?.version ?? '-'}; sel sementara: ${provisional || 'tidak ada'}.`,
    fields: [
      { name: 'tahun', type: 'integer' as const, description: 'Tahun pengukuran' },
      { name: 'opd', type: 'string' as const, description: 'Perangkat daerah (atau Kota Palu)' },
      { name: 'jenis_pegawai', type: 'string' as const, description: 'ASN (semua), PNS (termasuk CPNS) atau PPPK' },
      { name: 'ditampilkan', type: 'string' as const, description: `ya, atau "kurang dari ${f.minGroup} orang"` },
      { name: 'diukur', type: 'integer' as const, description: 'Pegawai yang diukur' },
      { name: 'lengkap', type: 'integer' as const, description: 'Pegawai dengan data lengkap' },
      { name: 'persen_partisipasi', type: 'number' as const, description: 'lengkap / diukur, persen' },
      { name: 'kualifikasi', type: 'number' as const, description: 'Rata-rata dimensi kualifikasi (maks. 25)' },
      { name: 'kompetensi', type: 'number' as const, description: 'Rata-rata dimensi kompetensi (maks. 40)' },
      { name: 'kinerja', type: 'number' as const, description: 'Rata-rata dimensi kinerja (maks. 30)' },
      { name: 'disiplin', type: 'number' as const, description: 'Rata-rata dimensi disiplin (maks. 5)' },
      { name: 'indeks', type: 'number' as const, description: 'Jumlah keempat rata-rata (0–100)' },
      {
        name: 'kategori',
        type: 'string' as const,
        description: 'Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah',
      },
      { name: 'sangat_tinggi', type: 'integer' as const, description: 'Pegawai berkategori Sangat Tinggi' },
      { name: 'tinggi', type: 'integer' as const, description: 'Pegawai berkategori Tinggi' },
      { name: 'sedang', type: 'integer' as const, description: 'Pegawai berkategori Sedang' },
      { name: 'rendah', type: 'integer' as const, description: 'Pegawai berkategori Rendah' },
      { name: 'sangat_rendah', type: 'integer' as const, description: 'Pegawai berkategori Sangat Rendah' },
      { name: 'versi_instrumen', type: 'string' as const, description: 'Versi instrumen yang dipakai' },
    ],
    rows: [
      ...f.city.map((g) => row('Kota Palu', g)),
      ...f.organizations.flatMap((o) => o.groups.map((g) => row(o.name, g))),
    ],
  };
}
