/** What the latest published files say: a formation's public results, and who a final result appoints. */
import { maskName } from '../../../../common/rules/mask-name.ts';
import { notFound } from '../../errors.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import { formations, latestPublished, participants, type SelectionContext, skdCode } from './selection.shared.ts';

/** Public results of one formation from the latest published files, with masked names and a histogram. */
export async function formationResults(ctx: SelectionContext, periodId: string, formationCode: string) {
  const [skd, fin] = await Promise.all([
    latestPublished(ctx, periodId, 'skd'),
    latestPublished(ctx, periodId, 'final'),
  ]);
  if (!skd) throw notFound();
  const names = new Map(
    (await participants(ctx, periodId)).map((p) => [
      p.participant_no!,
      (p.biodata as { nameOnIjazah?: string } | null)?.nameOnIjazah ?? p.full_name,
    ]),
  );
  const rows = skd.files
    .get('ranking.csv')!
    .content.split('\n')
    .slice(1)
    .filter((l) => l.startsWith(`${formationCode},`))
    .map((l) => {
      const [, no, twk, tiu, tkp, total, status, rank, adv] = l.split(',');
      return {
        participantNo: no!,
        maskedName: maskName(names.get(no!) ?? ''),
        twk: twk ? Number(twk) : null,
        tiu: tiu ? Number(tiu) : null,
        tkp: tkp ? Number(tkp) : null,
        total: total ? Number(total) : null,
        rank: rank ? Number(rank) : null,
        code: skdCode(status!, adv === 'Y'),
      };
    });
  const finals = fin
    ? fin.files
        .get('final.csv')!
        .content.split('\n')
        .slice(1)
        .filter((l) => l.startsWith(`${formationCode},`))
        .map((l) => {
          const [, no, skdTotal, skb, score, rank, result] = l.split(',');
          return {
            participantNo: no!,
            maskedName: maskName(names.get(no!) ?? ''),
            skdTotal: Number(skdTotal),
            skb: skb || null,
            finalScore: score || null,
            rank: rank ? Number(rank) : null,
            result: result!,
          };
        })
    : null;
  if (rows.length === 0) throw notFound();
  const moves =
    fin?.files
      .get('optimalisasi.csv')
      ?.content.split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const [no, from, to, score, result] = l.split(',');
        return {
          participantNo: no!,
          maskedName: maskName(names.get(no!) ?? ''),
          fromFormation: from!,
          toFormation: to!,
          finalScore: score!,
          result: result!,
        };
      })
      .filter((m) => m.fromFormation === formationCode || m.toFormation === formationCode) ?? [];
  // 25-point bands of the SKD total (0–550) for the distribution chart.
  const histogram = Array.from({ length: 22 }, (_, i) => ({ from: i * 25, to: i * 25 + 24, count: 0 }));
  for (const r of rows) if (r.total !== null) histogram[Math.min(21, Math.floor(r.total / 25))]!.count += 1;
  return {
    formationCode,
    skdVersion: skd.pub.version,
    finalVersion: fin?.pub.version ?? null,
    skd: rows,
    final: finals,
    optimalisasi: moves,
    histogram,
  };
}

/** Periods whose final result is published, newest publication first not guaranteed: the appointment desk's periods. */
export const periodsWithFinal = (ctx: SelectionContext) => repo.periodsWithFinal(ctx.db);

/**
 * Who a period's latest published final result appoints (`L`, also after optimalisasi into
 * another formation): their application, account, formation and birth date, for BKPSDM to
 * turn into CPNS/PPPK records (the development module). Empty until a final result is published.
 */
export async function appointees(ctx: SelectionContext, periodId: string) {
  const fin = await latestPublished(ctx, periodId, 'final');
  if (!fin) return { published: false, type: null, rows: [] };
  const p = await ctx.recruitment.getPeriod(periodId);
  const formationOf = new Map<string, string>();
  for (const l of fin.files.get('final.csv')?.content.split('\n').slice(1).filter(Boolean) ?? []) {
    const cells = l.split(',');
    if (cells[6] === 'L') formationOf.set(cells[1]!, cells[0]!);
  }
  for (const l of fin.files.get('optimalisasi.csv')?.content.split('\n').slice(1).filter(Boolean) ?? []) {
    const [no, , to, , result] = l.split(',');
    if (result === 'L' || result?.startsWith('L-')) formationOf.set(no!, to!);
  }
  if (formationOf.size === 0) return { published: true, type: p.type, rows: [] };
  const apps = await repo.appointees(ctx.db, periodId, [...formationOf.keys()]);
  const formationByCode = new Map((await formations(ctx, periodId)).map((f) => [f.code, f]));
  return {
    published: true,
    type: p.type,
    rows: apps
      .map((a) => {
        const f = formationByCode.get(formationOf.get(a.participant_no!)!);
        return {
          applicationId: a.id,
          accountId: a.applicant_id,
          participantNo: a.participant_no!,
          fullName: a.full_name,
          birthDate: a.birth_date,
          gender: a.gender,
          periodType: p.type,
          periodYear: p.year,
          formationCode: formationOf.get(a.participant_no!)!,
          jabatan: f?.jabatan ?? '',
          organizationId: f?.organizationId ?? '',
        };
      })
      .sort((x, y) => x.formationCode.localeCompare(y.formationCode) || x.participantNo.localeCompare(y.participantNo)),
  };
}
