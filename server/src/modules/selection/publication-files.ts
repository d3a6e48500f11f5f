/**
 * The open-data files of a publication, built when it is proposed and never changed afterwards:
 * SKD (formations, scores, ranking, the grades used) and final (SKB, integration, optimalisasi),
 * each derived by exactly the steps `merit rank` / `merit integrate` run on the published files.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import {
  parseFormationsCsv,
  parseRankingCsv,
  parseSkbCsv,
  parseSkdCsv,
  serializeFinal,
  serializeRanking,
} from './domain/csv.ts';
import { integrate, tieOrderWithinScores } from './domain/integration.ts';
import { OPTIMALISASI_HEADER, optimalisasi } from './domain/optimalisasi.ts';
import { rankSkd } from './domain/ranking.ts';
import { formatHundredths } from './domain/skb-weights.ts';
import type { ThresholdRuleSet } from './domain/thresholds.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import {
  advancingIn,
  conflict,
  formations,
  latestPublished,
  participants,
  type Participants,
  type PeriodFormations,
  period,
  plain,
  ruleSet,
  type SelectionContext,
  unscored,
  utf8,
} from './selection.shared.ts';

export type PublicationFile = { name: string; content: string };

function formationsCsv(fs: PeriodFormations, orgNames: Map<string, string>) {
  return `formation_id,need_type,quota,jabatan,opd\n${fs.map((f) => `${f.code},${f.needType},${f.quota},${plain(f.jabatan)},${plain(orgNames.get(f.organizationId) ?? '')}\n`).join('')}`;
}

function skdCsv(ps: Participants) {
  return `participant_no,formation_id,twk,tiu,tkp\n${ps.map((p) => `${p.participant_no},${p.formation_code},${p.twk ?? ''},${p.tiu ?? ''},${p.tkp ?? ''}\n`).join('')}`;
}

/** ranking.csv from formations.csv and skd.csv, by exactly the steps of `merit rank`. */
function rankingFromFiles(rules: ThresholdRuleSet, formationsText: string, skdText: string): string {
  const fs = parseFormationsCsv(utf8(formationsText), 'formations.csv');
  const table = parseSkdCsv(utf8(skdText), 'skd.csv', fs);
  return new TextDecoder().decode(serializeRanking(fs, table, rankSkd(rules, fs, table)));
}

/** final.csv from the published files, by exactly the steps of `merit integrate`. */
function finalFromFiles(formationsText: string, rankingText: string, skbText: string): string {
  const fs = parseFormationsCsv(utf8(formationsText), 'formations.csv');
  const ranking = parseRankingCsv(utf8(rankingText), 'ranking.csv', fs);
  const entries = parseSkbCsv(utf8(skbText), 'skb.csv', ranking, 'ranking.csv');
  return serializeFinal(integrate(fs, entries));
}

/** The files of a stage's publication as they stand now; refuses when the period is not ready for it. */
export async function buildFiles(
  ctx: SelectionContext,
  periodId: string,
  stage: 'skd' | 'final',
): Promise<PublicationFile[]> {
  const p = await period(ctx, periodId);
  const fs = await formations(ctx, periodId);
  if (fs.length === 0) throw conflict('Periode ini belum memiliki formasi.', 'This period has no formations.');
  const ps = await participants(ctx, periodId);
  return stage === 'skd' ? buildSkdFiles(ctx, periodId, p.year, fs, ps) : buildFinalFiles(ctx, periodId, fs, ps);
}

async function buildSkdFiles(
  ctx: SelectionContext,
  periodId: string,
  year: number,
  fs: PeriodFormations,
  ps: Participants,
): Promise<PublicationFile[]> {
  const missing = await unscored(ctx, periodId);
  if (missing.length > 0) {
    const list =
      missing
        .slice(0, 10)
        .map((m) => m.participant_no)
        .join(', ') + (missing.length > 10 ? ', …' : '');
    throw new AppError(
      'CONFLICT',
      msg(
        `${missing.length} peserta belum memiliki nilai SKD maupun catatan tidak hadir (${list}). Tunggu sesi CAT mereka selesai, impor skd.csv, atau catat ketidakhadiran mereka di pratinjau peringkat sebelum mengusulkan publikasi.`,
        `${missing.length} participants have neither an SKD score nor a recorded absence (${list}). Wait for their CAT session to finish, import skd.csv, or record their absence in the ranking preview before proposing publication.`,
      ),
      {
        fields: missing.map((m) => ({
          field: m.participant_no!,
          message: msg('Belum ada nilai SKD atau catatan tidak hadir.', 'No SKD score or recorded absence yet.'),
        })),
      },
    );
  }
  const orgs = new Map((await ctx.identity.listOrganizations()).map((o) => [o.id, o.name]));
  const formationsText = formationsCsv(fs, orgs);
  const skdText = skdCsv(ps);
  const rules = await ruleSet(ctx, year);
  return [
    { name: 'formations.csv', content: formationsText },
    { name: 'skd.csv', content: skdText },
    { name: 'ranking.csv', content: rankingFromFiles(rules, formationsText, skdText) },
    // The grades used, so `merit rank --thresholds` reproduces the ranking for any year.
    {
      name: 'thresholds.json',
      content: `${JSON.stringify({ year: rules.year, regulation: rules.regulation, rules: rules.rules, uncertain: rules.uncertain }, null, 2)}\n`,
    },
  ];
}

async function buildFinalFiles(
  ctx: SelectionContext,
  periodId: string,
  fs: PeriodFormations,
  ps: Participants,
): Promise<PublicationFile[]> {
  const skd = await latestPublished(ctx, periodId, 'skd');
  if (!skd)
    throw conflict(
      'Umumkan hasil SKD terlebih dahulu; integrasi memakai peringkat SKD yang diumumkan.',
      'Publish the SKD results first; integration uses the published SKD ranking.',
    );
  const rankingText = skd.files.get('ranking.csv')!.content;
  const advancing = advancingIn(rankingText);
  const lines: string[] = [];
  for (const q of ps) {
    if (!advancing.has(q.participant_no!)) continue;
    if (q.skb_hundredths === null || q.skb_hundredths === undefined) {
      lines.push(`${q.participant_no},,,`);
      continue;
    }
    const ipk = (q.biodata as { ipk?: number | null } | null)?.ipk;
    if (ipk === null || ipk === undefined)
      throw conflict(
        `IPK peserta ${q.participant_no} tidak tercatat; diperlukan untuk urutan kelulusan.`,
        `IPK of ${q.participant_no} is missing; it is a tie-break.`,
      );
    lines.push(`${q.participant_no},${formatHundredths(q.skb_hundredths)},${ipk.toFixed(2)},${q.birth_date}`);
  }
  // IPK and birth dates stay here (personal data): the published skb.csv carries each
  // candidate's order among those tied with them on the scores instead, which ranks exactly the
  // same (see tieOrderWithinScores) — checked here on every publication.
  const privateSkb = `participant_no,skb,ipk,birth_date\n${lines.map((l) => `${l}\n`).join('')}`;
  const formationsText = skd.files.get('formations.csv')!.content;
  const fsParsed = parseFormationsCsv(utf8(formationsText), 'formations.csv');
  const personal = parseSkbCsv(
    utf8(privateSkb),
    'skb.csv',
    parseRankingCsv(utf8(rankingText), 'ranking.csv', fsParsed),
    'ranking.csv',
  );
  const orders = tieOrderWithinScores(personal);
  const orderOf = new Map(personal.map((e, i) => [e.participantNo, orders[i]] as const));
  const skbText = `participant_no,skb,tie_order\n${lines
    .map((l) => {
      const [p, skbField] = l.split(',');
      return `${p},${skbField},${orderOf.get(p!) ?? ''}\n`;
    })
    .join('')}`;
  const finalText = finalFromFiles(formationsText, rankingText, skbText);
  if (finalText !== serializeFinal(integrate(fsParsed, personal)))
    throw new Error('tie_order does not reproduce the IPK and birth-date ranking');
  const files = [
    { name: 'skb.csv', content: skbText },
    { name: 'final.csv', content: finalText },
  ];
  if (await repo.optimalisasi(ctx.db, periodId))
    files.push({ name: 'optimalisasi.csv', content: optimalisasiCsv(fs, formationsText, rankingText, skbText) });
  return files;
}

/** optimalisasi.csv: who moves into a formation left empty, from the published skb.csv's integration. */
function optimalisasiCsv(fs: PeriodFormations, formationsText: string, rankingText: string, skbText: string): string {
  const finalRows = integrate(
    parseFormationsCsv(utf8(formationsText), 'formations.csv'),
    parseSkbCsv(
      utf8(skbText),
      'skb.csv',
      parseRankingCsv(utf8(rankingText), 'ranking.csv', parseFormationsCsv(utf8(formationsText), 'formations.csv')),
      'ranking.csv',
    ),
  );
  const moves = optimalisasi(
    fs.map((f) => ({
      id: f.code,
      jabatan: f.jabatan,
      educationKey: `${[...f.educationLevels].sort().join('/')}:${f.majors
        .map((m) => m.trim().toLowerCase())
        .sort()
        .join('|')}`,
      quota: f.quota,
    })),
    finalRows,
  );
  return `${OPTIMALISASI_HEADER}\n${moves.map((m) => `${m.participantNo},${m.fromFormation},${m.toFormation},${(m.finalThousandths / 1000).toFixed(3)},${m.result}\n`).join('')}`;
}
