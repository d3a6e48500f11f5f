/**
 * The IP ASN input loader (issue 26 §2): for a set of employees (or all) it reads every source in
 * bulk — employee records and Merit's trainings and JP claims (development), the annual SKP
 * predikat (performance), the education, competency and discipline records (this module) — seven
 * queries for any number of people and years, then builds each person's IpAsnInput in memory.
 */
import type { Executor } from '../../db/database.ts';
import { employeesForIpAsn, meritCompetenciesForIpAsn } from '../development/index.ts';
import { annualPredikatsForIpAsn } from '../performance/index.ts';
import type {
  CompetencyRecord,
  EducationLevel,
  IpAsnInput,
  JabatanType,
  LeadershipLevel,
  Predikat,
  PunishmentRecord,
} from './domain/ip-asn.ts';
import { competencyOfClaim, competencyOfTraining, jabatanTypeOf, type MeritProgramKind } from './domain/ip-asn-edit.ts';
import { ipAsnRepository as repo } from './ip-asn-tables.repository.ts';

export interface IpAsnPerson {
  id: string;
  nip: string;
  fullName: string;
  status: 'CPNS' | 'PNS' | 'PPPK';
  organizationId: string;
  organizationName: string;
  jabatan: string;
  jabatanType: JabatanType | null;
  tmt: string;
  accountId: string | null;
  supervisorId: string | null;
}

export interface IpAsnSources {
  people: IpAsnPerson[];
  /** Formal education with its graduation year. */
  education: Map<string, { level: EducationLevel; year: number }[]>;
  competencies: Map<string, CompetencyRecord[]>;
  /** Final annual predikat per person, newest year first. */
  predikats: Map<string, { year: number; predikat: Predikat }[]>;
  punishments: Map<string, PunishmentRecord[]>;
}

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Reads every source of the index for these employees (every employee when null), up to `upToYear`. */
export async function loadIpAsnSources(
  db: Executor,
  ids: readonly string[] | null,
  upToYear: number,
): Promise<IpAsnSources> {
  const [employees, merit, predikatRows, educationRows, competencyRows, disciplineRows] = await Promise.all([
    employeesForIpAsn(db, ids),
    meritCompetenciesForIpAsn(db, ids),
    annualPredikatsForIpAsn(db, ids, upToYear),
    repo.educationLevels(db, ids),
    repo.competencyRecords(db, ids),
    repo.disciplineRecords(db, ids),
  ]);
  const education = new Map<string, { level: EducationLevel; year: number }[]>();
  for (const r of educationRows)
    push(education, r.employee_id, { level: r.level as EducationLevel, year: r.graduation_year });
  const competencies = new Map<string, CompetencyRecord[]>();
  for (const r of competencyRows)
    push(competencies, r.employee_id, {
      kind: r.kind as CompetencyRecord['kind'],
      date: day(r.completed_on),
      jp: r.jp,
      leadershipLevel: r.leadership_level as LeadershipLevel | null,
      matchesJabatan: r.matches_jabatan,
    });
  for (const t of merit.trainings) {
    const c = competencyOfTraining(t.kind as MeritProgramKind, t.jp, day(t.ends_on));
    if (c) push(competencies, t.employee_id, c);
  }
  for (const c of merit.claims) push(competencies, c.employee_id, competencyOfClaim(c.kind, c.jp, day(c.held_on)));
  const predikats = new Map<string, { year: number; predikat: Predikat }[]>();
  for (const p of predikatRows) push(predikats, p.employee_id, { year: p.year, predikat: p.predikat as Predikat });
  for (const list of predikats.values()) list.sort((a, b) => b.year - a.year);
  const punishments = new Map<string, PunishmentRecord[]>();
  for (const d of disciplineRows)
    push(punishments, d.employee_id, {
      level: d.level as PunishmentRecord['level'],
      skDate: day(d.sk_date),
      start: day(d.start_on),
      end: d.end_on ? day(d.end_on) : null,
      cancelled: d.cancelled,
    });
  return {
    people: employees.map((e) => ({
      id: e.id,
      nip: e.nip,
      fullName: e.full_name,
      status: e.status,
      organizationId: e.organization_id,
      organizationName: e.organization_name,
      jabatan: e.jabatan,
      jabatanType: jabatanTypeOf(e.jabatan_kind, e.jabatan, e.jenjang),
      tmt: day(e.tmt),
      accountId: e.account_id,
      supervisorId: e.supervisor_id,
    })),
    education,
    competencies,
    predikats,
    punishments,
  };
}

/** Whether the person was in service on the measurement date (appointed by then). */
export const measuredOn = (p: IpAsnPerson, asOf: string) => p.tmt <= asOf;

/**
 * One person's input for the year whose measurement date is `asOf`: the latest final annual
 * predikat of that year or before (the year's own once finalised, else the one before), the
 * education graduated by that year, and the other records dated up to the measurement date.
 */
export function inputOf(src: IpAsnSources, person: IpAsnPerson, asOf: string): IpAsnInput {
  const year = Number(asOf.slice(0, 4));
  const upTo = (d: string) => d <= asOf;
  return {
    asOf,
    jabatan: person.jabatanType,
    education: (src.education.get(person.id) ?? []).filter((e) => e.year <= year).map((e) => e.level),
    competencies: (src.competencies.get(person.id) ?? []).filter((c) => upTo(c.date)),
    predikat: (src.predikats.get(person.id) ?? []).find((p) => p.year <= year) ?? null,
    punishments: (src.punishments.get(person.id) ?? []).filter((p) => upTo(p.skDate)),
  };
}
