/**
 * One person's index page (issue 26 §3): each year's result under the year's version (the running
 * year computed live), other versions' stored results beside it, and what would raise it linked to
 * real action — open batches, the SKP to agree, the records to complete. The person sees their
 * own; BKPSDM anyone's; a supervisor only the people below them; everyone else gets 404.
 */
import { type Msg, msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import { openBatchesFrom, teamOfAccount } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { skpWaitingFor } from '../performance/index.ts';
import { computeIpAsn, type IpAsnResult, LEADERSHIP_FOR, type Raise, whatWouldRaise } from './domain/ip-asn.ts';
import { inputOf, type IpAsnPerson, loadIpAsnSources, measuredOn } from './ip-asn-inputs.ts';
import { actorOf, instrumentOfYear, type IpAsnContext, isBkpsdm, today } from './ip-asn.shared.ts';
import { ipAsnRepository as repo } from './ip-asn-tables.repository.ts';

interface Link {
  label: Msg;
  to: string;
}
type OpenBatch = Awaited<ReturnType<typeof openBatchesFrom>>[number];

/** Merit programme kinds that earn each kompetensi cell (the same classification the loader uses). */
const KINDS_FOR: Record<string, readonly string[]> = {
  teknis: ['teknis', 'fungsional', 'elearning'],
  seminar: ['seminar'],
};
const LEADERSHIP_KIND = { pkn_ii: 'pkn', pka: 'pka', pkp: 'pkp', pkn_i: 'pkn' } as const;

function batchLinks(batches: OpenBatch[], kinds: readonly string[], self: boolean, minJp = 0): Link[] {
  return batches
    .filter((b) => kinds.includes(b.kind))
    .sort((a, b) => Number(b.jp >= minJp) - Number(a.jp >= minJp) || a.starts_on.localeCompare(b.starts_on))
    .slice(0, 5)
    .map((b) => {
      const name = `${b.title} — ${b.name} (${b.jp} JP, mulai ${String(b.starts_on).slice(0, 10)})`;
      // The employee enrols from "SKP saya" (recommended training); BKPSDM opens the batch itself.
      return {
        label: msg(name, name.replace('mulai', 'from')),
        to: self ? '/skp/saya' : `/pelatihan/angkatan/${b.id}`,
      };
    });
}

/** Links to act on one raise. */
function linksFor(
  r: Raise,
  person: IpAsnPerson,
  ctx: { batches: OpenBatch[]; self: boolean; skpToAgree: boolean; year: number },
): Link[] {
  switch (r.action) {
    case 'teknis':
      return batchLinks(ctx.batches, KINDS_FOR.teknis!, ctx.self, r.jpMissing ?? 0);
    case 'seminar':
      return batchLinks(ctx.batches, KINDS_FOR.seminar!, ctx.self);
    case 'kepemimpinan': {
      const level = person.jabatanType ? LEADERSHIP_FOR[person.jabatanType] : undefined;
      return level ? batchLinks(ctx.batches, [LEADERSHIP_KIND[level]], ctx.self) : [];
    }
    case 'skp':
      return [
        ctx.skpToAgree
          ? {
              label: msg(`SKP ${ctx.year} menunggu persetujuan Anda`, `SKP ${ctx.year} waits for your agreement`),
              to: '/skp/saya',
            }
          : { label: msg('Buka SKP', 'Open the SKP'), to: ctx.self ? '/skp/saya' : '/skp/dasbor' },
      ];
    case 'education':
    case 'record':
      return r.dimension === 'kualifikasi'
        ? [{ label: msg('Lengkapi riwayat pendidikan', 'Complete the education history'), to: '/pegawai/riwayat' }]
        : [];
    default:
      return [];
  }
}

async function personView(ctx: IpAsnContext, employeeId: string, self: boolean) {
  const now = today(ctx);
  const src = await loadIpAsnSources(ctx.db, [employeeId], now.year);
  const person = src.people[0];
  if (!person) throw notFound();
  const stored = await repo.resultsOf(ctx.db, employeeId);
  const years = [...new Set([...stored.map((s) => s.year).filter((y) => y < now.year), now.year])].sort(
    (a, b) => a - b,
  );
  const out = [];
  let live: { inst: Awaited<ReturnType<typeof instrumentOfYear>>; result: IpAsnResult } | null = null;
  for (const year of years) {
    const inst = await instrumentOfYear(ctx, ctx.db, year);
    const ofYear = stored.filter((s) => s.year === year);
    let result: IpAsnResult;
    let computedAt: string | null = null;
    if (year === now.year) {
      if (!measuredOn(person, now.date)) continue;
      result = computeIpAsn(inst.instrument, inputOf(src, person, now.date));
      live = { inst, result };
    } else {
      const main = ofYear.find((s) => s.instrument_id === inst.id) ?? ofYear[0]!;
      result = main.detail as unknown as IpAsnResult;
      computedAt = new Date(main.computed_at).toISOString();
    }
    out.push({
      year,
      instrumentId: inst.id,
      version:
        year === now.year
          ? inst.version
          : (ofYear.find((s) => s.instrument_id === inst.id)?.version ?? ofYear[0]!.version),
      live: year === now.year,
      computedAt,
      result,
      otherVersions: ofYear
        .filter((s) => s.version !== result.instrumentVersion)
        .map((s) => ({ version: s.version, total: Number(s.total), band: s.band as IpAsnResult['band'] })),
    });
  }
  const raises = live ? await raisesOf(ctx, person, live.inst.instrument, live.result, self, now) : [];
  return {
    employee: {
      id: person.id,
      nip: person.nip,
      fullName: person.fullName,
      status: person.status,
      organization: person.organizationName,
      jabatan: person.jabatan,
      jabatanType: person.jabatanType,
    },
    years: out,
    raises,
    self,
  };

  async function raisesOf(
    c: IpAsnContext,
    p: IpAsnPerson,
    inst: Parameters<typeof whatWouldRaise>[0],
    result: IpAsnResult,
    isSelf: boolean,
    day: { date: string; year: number },
  ) {
    const [batches, skp] = await Promise.all([
      openBatchesFrom(c.db, day.date),
      p.accountId ? skpWaitingFor(c.db, p.accountId, day.year, day.date) : Promise.resolve(null),
    ]);
    const input = inputOf(src, p, day.date);
    const linkCtx = { batches, self: isSelf, skpToAgree: skp?.toAgree != null, year: day.year };
    return whatWouldRaise(inst, input, result).map((r) => ({ ...r, links: linksFor(r, p, linkCtx) }));
  }
}

/** The signed-in person's own index; someone without an employee record gets 404. */
export async function myIndex(ctx: IpAsnContext, actor: Actor) {
  const { own } = await teamOfAccount(ctx.db, actor.accountId);
  if (!own) throw notFound();
  return personView(ctx, own, true);
}

const DISCIPLINE_WITHHELD = msg(
  'Rincian disiplin hanya dapat dilihat oleh pegawai yang bersangkutan dan BKPSDM.',
  'Discipline details are visible only to the employee and BKPSDM.',
);

/**
 * An employee's index for BKPSDM (anyone) or a supervisor (only the people below them; else 404).
 * The disiplin reason names a punishment, which only the person and BKPSDM may read (PP 94/2021
 * records, issue 26 §1): a supervisor gets the points without the words. Reading another person's
 * index is audited, as reading their discipline record is.
 */
export async function employeeIndex(ctx: IpAsnContext, actor: Actor, employeeId: string) {
  const team = await teamOfAccount(ctx.db, actor.accountId);
  if (!isBkpsdm(actor) && !(actor.role === 'supervisor' && team.unit.includes(employeeId))) throw notFound();
  const self = team.own === employeeId;
  const view = await personView(ctx, employeeId, self);
  if (self) return view;
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'ip_asn.employee.read',
      subjectType: 'employee',
      subjectId: employeeId,
    }),
  );
  if (isBkpsdm(actor)) return view;
  for (const y of view.years) {
    const d = y.result.dimensions.disiplin;
    y.result = {
      ...y.result,
      dimensions: {
        ...y.result.dimensions,
        disiplin: { ...d, lines: d.lines.map((l) => ({ ...l, text: DISCIPLINE_WITHHELD })) },
      },
    };
  }
  return view;
}
