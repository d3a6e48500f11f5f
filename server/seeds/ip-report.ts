/**
 * Demo IP ASN results so the report pages have something to show (issue 26 §3): the twelve demo
 * ASN of Diskominfo and BPBD measured for the last two years with the domain's computeIpAsn under
 * the Perban BKN 8/2019 instrument, from invented records (education, courses, SKP predikat, one
 * teguran). Demo data only, run last: skipped when results already exist (the real computation seeded them).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import {
  computeIpAsn,
  type CompetencyRecord,
  type EducationLevel,
  IP_ASN_2019,
  type IpAsnInput,
  type JabatanType,
  type Predikat,
} from '../src/modules/professionalism/domain/ip-asn.ts';

interface DemoRecords {
  education: EducationLevel[];
  teknisJp: number;
  seminar: boolean;
  leadership: boolean;
  predikat: [Predikat, Predikat];
  teguran?: boolean;
}
/** Per demo NIP (server/seeds/development.ts): invented records, varied so every band and gap shows. */
const DEMO: Record<string, DemoRecords> = {
  '197203151998031004': {
    education: ['s2'],
    teknisJp: 24,
    seminar: true,
    leadership: true,
    predikat: ['baik', 'sangat_baik'],
  },
  '197808122003121002': {
    education: ['s2'],
    teknisJp: 20,
    seminar: true,
    leadership: true,
    predikat: ['baik', 'sangat_baik'],
  },
  '199104252015032001': {
    education: ['s1'],
    teknisJp: 12,
    seminar: true,
    leadership: false,
    predikat: ['baik', 'baik'],
  },
  '199307182019031003': {
    education: ['s1'],
    teknisJp: 30,
    seminar: false,
    leadership: false,
    predikat: ['baik', 'baik'],
  },
  '199512032022032004': {
    education: ['s1'],
    teknisJp: 0,
    seminar: true,
    leadership: false,
    predikat: ['butuh_perbaikan', 'baik'],
  },
  '199802142025061001': {
    education: ['s1'],
    teknisJp: 20,
    seminar: false,
    leadership: false,
    predikat: ['baik', 'baik'],
  },
  // no education on record: the index says "data belum lengkap" and counts in participation only
  '199009092023211005': { education: [], teknisJp: 20, seminar: false, leadership: false, predikat: ['baik', 'baik'] },
  '197501202000031003': { education: ['s2'], teknisJp: 8, seminar: true, leadership: true, predikat: ['baik', 'baik'] },
  '198206302008012005': {
    education: ['s1'],
    teknisJp: 24,
    seminar: true,
    leadership: false,
    predikat: ['baik', 'sangat_baik'],
  },
  '199211112017031002': {
    education: ['s1'],
    teknisJp: 20,
    seminar: false,
    leadership: false,
    predikat: ['baik', 'baik'],
    teguran: true,
  },
  '199403302020122003': {
    education: ['s1'],
    teknisJp: 12,
    seminar: true,
    leadership: false,
    predikat: ['butuh_perbaikan', 'baik'],
  },
  '199906062024211001': {
    education: ['sma'],
    teknisJp: 20,
    seminar: false,
    leadership: false,
    predikat: ['baik', 'baik'],
  },
};

function jabatanOf(kind: string, jenjang: string): JabatanType {
  if (kind === 'fungsional') return 'fungsional';
  if (kind === 'pelaksana') return 'pelaksana';
  return /JPT/i.test(jenjang) ? 'jpt' : /Administrator/i.test(jenjang) ? 'administrator' : 'pengawas';
}

function inputOf(r: DemoRecords, jabatan: JabatanType, year: number, second: boolean): IpAsnInput {
  const competencies: CompetencyRecord[] = [];
  // the second year adds 4 JP: a course that tips someone over 20 JP shows as a rise in the trend
  const jp = r.teknisJp + (second && r.teknisJp > 0 ? 4 : 0);
  if (jp > 0) competencies.push({ kind: 'teknis', date: `${year}-06-10`, jp });
  if (r.seminar) competencies.push({ kind: 'seminar', date: `${year}-03-01` });
  if (r.leadership)
    competencies.push({
      kind: 'kepemimpinan',
      date: `${year - 3}-10-01`,
      leadershipLevel: jabatan === 'jpt' ? 'pkn_ii' : jabatan === 'administrator' ? 'pka' : 'pkp',
    });
  return {
    asOf: `${year}-12-31`,
    jabatan,
    education: r.education,
    competencies,
    predikat: { year, predikat: r.predikat[second ? 1 : 0] },
    punishments:
      r.teguran && second
        ? [{ level: 'ringan', skDate: `${year}-05-02`, start: `${year}-05-02`, end: null, cancelled: false }]
        : [],
  };
}

/**
 * Seeds two years of demo results under the 2019 instrument (added when missing) — only when no
 * result exists yet, so the real computation's demo seed, when it runs first, wins.
 */
export async function seedDemoIpAsnFallback(database: Database, now: Date): Promise<void> {
  const db = database.db;
  if (await db.selectFrom('ip_asn_results').select('year').limit(1).executeTakeFirst()) return;
  await db
    .insertInto('ip_asn_instruments')
    .values({
      id: randomUUID(),
      version: IP_ASN_2019.version,
      body: JSON.stringify(IP_ASN_2019),
      note: 'Perban BKN 8/2019 dengan nilai sementara yang terdokumentasi',
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  const inst = await db
    .selectFrom('ip_asn_instruments')
    .select('id')
    .where('version', '=', IP_ASN_2019.version)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('employees')
    .select(['id', 'nip', 'status', 'organization_id', 'jabatan_kind', 'jenjang'])
    .where('nip', 'in', Object.keys(DEMO))
    .execute();
  const last = now.getUTCFullYear() - 1;
  for (const year of [last - 1, last]) {
    await db
      .insertInto('ip_asn_years')
      .values({ year, instrument_id: inst.id })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
    const rows = people.map((p) => {
      const jabatan = jabatanOf(p.jabatan_kind, p.jenjang);
      const r = computeIpAsn(IP_ASN_2019, inputOf(DEMO[p.nip]!, jabatan, year, year === last));
      return {
        employee_id: p.id,
        year,
        instrument_id: inst.id,
        employee_status: p.status,
        organization_id: p.organization_id,
        jabatan_type: jabatan,
        kualifikasi: r.dimensions.kualifikasi.points,
        kompetensi: r.dimensions.kompetensi.points,
        kinerja: r.dimensions.kinerja.points,
        disiplin: r.dimensions.disiplin.points,
        total: r.total,
        band: r.band,
        complete: r.complete,
        provisional: r.provisional,
        detail: JSON.stringify({ ...r, demo: true }),
      };
    });
    if (rows.length > 0)
      await db
        .insertInto('ip_asn_results')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
}
