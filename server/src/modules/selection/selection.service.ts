/**
 * Selection in the platform (RULES.md §2.2–2.6): passing grades per year as editable data, SKD
 * scores (from the CAT or imported), SKB weights and scores, ranking and integration through the
 * very functions `merit rank` / `merit integrate` run, and two-person, immutable, versioned
 * publication of the open-data files whose SHA-256 goes into the audit log.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import { maskName } from '../../../../common/rules/mask-name.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { ANOTHER_COMMITTEE_MEMBER, assertSecondPerson } from '../../platform/approvals.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { ExamScheduleService, RecruitmentService } from '../recruitment/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { skdPublicationBlockers } from './domain/publication-stages.ts';
import { idAt } from './domain/ranking.ts';
import { InputError, parseFormationsCsv, parseRankingCsv, parseSkbCsv, parseSkdCsv, serializeFinal, serializeRanking } from './domain/csv.ts';
import { integrate, tieOrderWithinScores } from './domain/integration.ts';
import { rankFormations, rankSkd, type Formation } from './domain/ranking.ts';
import { type NeedType, THRESHOLD_RULE_SETS, type ThresholdRuleSet } from './domain/thresholds.ts';
import { OPTIMALISASI_HEADER, optimalisasi } from './domain/optimalisasi.ts';
import { selectionRepository as repo } from './selection.repository.ts';
import { formatHundredths, parseScoreHundredths, skbWeightProblems, weightedSkbHundredths, type SkbComponent } from './domain/skb-weights.ts';

export interface SelectionDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  /** Periods and formations are recruitment's; selection reads them through its service. */
  recruitment: Pick<RecruitmentService, 'getPeriod' | 'periodFormations' | 'formationExists'>;
  examSchedule: Pick<ExamScheduleService, 'sessionPlaces'>;
  identity: Pick<IdentityService, 'listOrganizations'>;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Free text in an open-data column: no commas, quotes or control characters (the CSVs are unquoted). */
const plain = (s: string) => s.replace(/[",\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

export const SKD_FILES = ['formations.csv', 'skd.csv', 'ranking.csv', 'thresholds.json'] as const;
export const FINAL_FILES = ['skb.csv', 'final.csv', 'optimalisasi.csv'] as const;

/** SKD result codes as BKN announces them (RULES.md §1.7). */
export const skdCode = (status: string, advances: boolean) => (status === 'P' ? (advances ? 'P/L' : 'P') : status);

export function createSelectionService(deps: SelectionDeps) {
  const { db, clock, ids, audit } = deps;

  /** The period (NOT_FOUND when it does not exist). */
  const period = (periodId: string) => deps.recruitment.getPeriod(periodId);

  /**
   * The passing grades of a recruitment year: the admin's edited rule set, else the seeded
   * regulation's. The one source for the ranking, the CAT result page and the certificate.
   */
  async function ruleSet(year: number, ex: Executor = db): Promise<ThresholdRuleSet> {
    const row = await repo.thresholdRuleSet(ex, year);
    if (row) return { year: row.year, regulation: row.regulation, rules: row.rules as ThresholdRuleSet['rules'], uncertain: row.uncertain as ThresholdRuleSet['uncertain'] };
    const seeded = THRESHOLD_RULE_SETS[year];
    if (seeded) return seeded;
    throw conflict(`Nilai ambang batas tahun ${year} belum ditetapkan. Admin perlu mengisinya lebih dulu.`, `No passing grades for ${year} yet. An admin must set them first.`);
  }

  const formations = (periodId: string) => deps.recruitment.periodFormations(periodId);

  /** Every participant of the period (those given a participant number), with their SKD score. */
  const participants = (periodId: string) => repo.participants(db, periodId);

  /**
   * Participants with neither an SKD score nor a recorded absence, with the exam session they are
   * seated in and whether their CAT attempt is still open: publishing now would call them "TH".
   */
  const unscored = (periodId: string) => repo.unscored(db, periodId);

  /** Where each recorded score came from, with the CAT session's site and start for the ranking page. */
  async function sessionLabels(sessionIds: string[]) {
    const rows = await deps.examSchedule.sessionPlaces(sessionIds);
    return new Map(rows.map((r) => [r.id, { siteName: r.siteName, startsAt: r.startsAt }]));
  }

  function formationsCsv(fs: Awaited<ReturnType<typeof formations>>, orgNames: Map<string, string>) {
    return `formation_id,need_type,quota,jabatan,opd\n${fs.map((f) => `${f.code},${f.needType},${f.quota},${plain(f.jabatan)},${plain(orgNames.get(f.organizationId) ?? '')}\n`).join('')}`;
  }

  function skdCsv(ps: Awaited<ReturnType<typeof participants>>) {
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

  async function latestPublished(periodId: string, stage: 'skd' | 'final') {
    const pub = await repo.latestPublished(db, periodId, stage);
    if (!pub) return null;
    const files = await repo.files(db, pub.id);
    return { pub, files: new Map(files.map((f) => [f.name, f])) };
  }

  async function buildFiles(periodId: string, stage: 'skd' | 'final'): Promise<{ name: string; content: string }[]> {
    const p = await period(periodId);
    const fs = await formations(periodId);
    if (fs.length === 0) throw conflict('Periode ini belum memiliki formasi.', 'This period has no formations.');
    const ps = await participants(periodId);
    if (stage === 'skd') {
      const missing = await unscored(periodId);
      if (missing.length > 0) {
        const list = missing.slice(0, 10).map((m) => m.participant_no).join(', ') + (missing.length > 10 ? ', …' : '');
        throw new AppError(
          'CONFLICT',
          msg(
            `${missing.length} peserta belum memiliki nilai SKD maupun catatan tidak hadir (${list}). Tunggu sesi CAT mereka selesai, impor skd.csv, atau catat ketidakhadiran mereka di pratinjau peringkat sebelum mengusulkan publikasi.`,
            `${missing.length} participants have neither an SKD score nor a recorded absence (${list}). Wait for their CAT session to finish, import skd.csv, or record their absence in the ranking preview before proposing publication.`,
          ),
          { fields: missing.map((m) => ({ field: m.participant_no!, message: msg('Belum ada nilai SKD atau catatan tidak hadir.', 'No SKD score or recorded absence yet.') })) },
        );
      }
      const orgs = new Map((await deps.identity.listOrganizations()).map((o) => [o.id, o.name]));
      const formationsText = formationsCsv(fs, orgs);
      const skdText = skdCsv(ps);
      const rules = await ruleSet(p.year);
      return [
        { name: 'formations.csv', content: formationsText },
        { name: 'skd.csv', content: skdText },
        { name: 'ranking.csv', content: rankingFromFiles(rules, formationsText, skdText) },
        // The grades used, so `merit rank --thresholds` reproduces the ranking for any year.
        { name: 'thresholds.json', content: `${JSON.stringify({ year: rules.year, regulation: rules.regulation, rules: rules.rules, uncertain: rules.uncertain }, null, 2)}\n` },
      ];
    }
    const skd = await latestPublished(periodId, 'skd');
    if (!skd) throw conflict('Umumkan hasil SKD terlebih dahulu; integrasi memakai peringkat SKD yang diumumkan.', 'Publish the SKD results first; integration uses the published SKD ranking.');
    const rankingText = skd.files.get('ranking.csv')!.content;
    const advancing = new Set(rankingText.split('\n').slice(1).filter((l) => l.endsWith(',Y')).map((l) => l.split(',')[1]!));
    const lines: string[] = [];
    for (const q of ps) {
      if (!advancing.has(q.participant_no!)) continue;
      if (q.skb_hundredths === null || q.skb_hundredths === undefined) {
        lines.push(`${q.participant_no},,,`);
        continue;
      }
      const ipk = (q.biodata as { ipk?: number | null } | null)?.ipk;
      if (ipk === null || ipk === undefined) throw conflict(`IPK peserta ${q.participant_no} tidak tercatat; diperlukan untuk urutan kelulusan.`, `IPK of ${q.participant_no} is missing; it is a tie-break.`);
      lines.push(`${q.participant_no},${formatHundredths(q.skb_hundredths)},${ipk.toFixed(2)},${q.birth_date}`);
    }
    // IPK and birth dates stay here (personal data): the published skb.csv carries each
    // candidate's order among those tied with them on the scores instead, which ranks exactly the
    // same (see tieOrderWithinScores) — checked here on every publication.
    const privateSkb = `participant_no,skb,ipk,birth_date\n${lines.map((l) => `${l}\n`).join('')}`;
    const formationsText = skd.files.get('formations.csv')!.content;
    const fsParsed = parseFormationsCsv(utf8(formationsText), 'formations.csv');
    const personal = parseSkbCsv(utf8(privateSkb), 'skb.csv', parseRankingCsv(utf8(rankingText), 'ranking.csv', fsParsed), 'ranking.csv');
    const orders = tieOrderWithinScores(personal);
    const orderOf = new Map(personal.map((e, i) => [e.participantNo, orders[i]] as const));
    const skbText = `participant_no,skb,tie_order\n${lines.map((l) => {
      const [p, skbField] = l.split(',');
      return `${p},${skbField},${orderOf.get(p!) ?? ''}\n`;
    }).join('')}`;
    const finalText = finalFromFiles(formationsText, rankingText, skbText);
    if (finalText !== serializeFinal(integrate(fsParsed, personal))) throw new Error('tie_order does not reproduce the IPK and birth-date ranking');
    const files = [
      { name: 'skb.csv', content: skbText },
      { name: 'final.csv', content: finalText },
    ];
    if (await repo.optimalisasi(db, periodId)) {
      const finalRows = integrate(parseFormationsCsv(utf8(formationsText), 'formations.csv'), parseSkbCsv(utf8(skbText), 'skb.csv', parseRankingCsv(utf8(rankingText), 'ranking.csv', parseFormationsCsv(utf8(formationsText), 'formations.csv')), 'ranking.csv'));
      const moves = optimalisasi(
        fs.map((f) => ({
          id: f.code,
          jabatan: f.jabatan,
          educationKey: `${[...f.educationLevels].sort().join('/')}:${f.majors.map((m) => m.trim().toLowerCase()).sort().join('|')}`,
          quota: f.quota,
        })),
        finalRows,
      );
      files.push({ name: 'optimalisasi.csv', content: `${OPTIMALISASI_HEADER}\n${moves.map((m) => `${m.participantNo},${m.fromFormation},${m.toFormation},${(m.finalThousandths / 1000).toFixed(3)},${m.result}\n`).join('')}` });
    }
    return files;
  }

  async function publications(periodId: string, publishedOnly: boolean) {
    const pubs = await repo.publications(db, periodId, publishedOnly);
    const files = await repo.fileSizes(db, pubs.map((p) => p.id));
    return pubs.map((p) => ({
      id: p.id,
      stage: p.stage,
      version: p.version,
      status: p.status,
      reason: p.reason,
      proposedAt: new Date(p.proposed_at).toISOString(),
      decidedAt: p.decided_at ? new Date(p.decided_at).toISOString() : null,
      proposedBy: p.proposed_by,
      decidedBy: p.decided_by,
      files: files.filter((f) => f.publication_id === p.id).map((f) => ({ name: f.name, sha256: f.sha256, bytes: Number(f.bytes) })),
    }));
  }

  function asInputProblem(err: unknown): never {
    if (err instanceof InputError) throw new AppError('VALIDATION_FAILED', msg(err.message, err.message), { fields: [{ field: err.file, message: msg(err.message, err.message) }] });
    throw err;
  }

  return {
    // ── passing grades ──
    async thresholds() {
      const rows = await repo.thresholdRuleSets(db);
      return rows.map((r) => ({ year: r.year, regulation: r.regulation, rules: r.rules as ThresholdRuleSet['rules'], uncertain: r.uncertain as NeedType[], updatedAt: new Date(r.updated_at).toISOString() }));
    },

    async setThresholds(actor: Actor, year: number, body: { regulation: string; rules: unknown; uncertain: string[] }) {
      await db.transaction().execute(async (trx) => {
        const before = await repo.thresholdRuleSet(trx, year);
        await repo.saveThresholds(trx, year, { regulation: body.regulation, rules: JSON.stringify(body.rules), uncertain: JSON.stringify(body.uncertain), updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'thresholds.set', subjectType: 'threshold_rule_set', subjectId: String(year), before: before ? { regulation: before.regulation, rules: before.rules } : undefined, after: body });
      });
    },

    // ── SKD scores ──
    /** Imports skd.csv (`participant_no,formation_id,twk,tiu,tkp`) for a period: all rows or none. */
    async importSkd(actor: Actor, periodId: string, data: Buffer) {
      await period(periodId);
      const fs = (await formations(periodId)).map((f) => ({ id: f.code, needType: f.needType, quota: f.quota }) as Formation);
      let table;
      try {
        table = parseSkdCsv(new Uint8Array(data), 'skd.csv', fs);
      } catch (err) {
        asInputProblem(err);
      }
      const byNo = new Map((await participants(periodId)).map((p) => [p.participant_no!, p]));
      const rows: { application_id: string; period_id: string; twk: number | null; tiu: number | null; tkp: number | null; source: 'import'; recorded_by: string; recorded_at: Date }[] = [];
      for (let i = 0; i < table.count; i++) {
        const no = idAt(table.participantNo, i);
        const p = byNo.get(no);
        const code = fs[table.formation[i]!]!.id;
        if (!p) throw new AppError('VALIDATION_FAILED', msg(`skd.csv: peserta ${no} tidak terdaftar di periode ini.`, `skd.csv: participant ${no} is not in this period.`));
        if (p.formation_code !== code) throw new AppError('VALIDATION_FAILED', msg(`skd.csv: peserta ${no} melamar formasi ${p.formation_code}, bukan ${code}.`, `skd.csv: participant ${no} applied to ${p.formation_code}, not ${code}.`));
        const absent = table.twk[i]! < 0;
        rows.push({ application_id: p.id, period_id: periodId, twk: absent ? null : table.twk[i]!, tiu: absent ? null : table.tiu[i]!, tkp: absent ? null : table.tkp[i]!, source: 'import' as const, recorded_by: actor.accountId, recorded_at: clock.now() });
      }
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500) await repo.saveImportedSkd(trx, rows.slice(i, i + 500));
        await audit.record(trx, { actor: actorOf(actor), action: 'skd.import', subjectType: 'recruitment_period', subjectId: periodId, after: { rows: rows.length, sha256: createHash('sha256').update(data).digest('hex') } });
      });
      return { imported: rows.length };
    },

    /**
     * The SKD ranking of every formation as it stands now (not yet published), each row with where
     * its score came from, and the participants who still have neither a score nor an absence.
     */
    async rankingPreview(periodId: string) {
      const p = await period(periodId);
      const fs = await formations(periodId);
      const ps = await participants(periodId);
      const ranked = rankFormations(
        await ruleSet(p.year),
        fs.map((f) => ({ id: f.code, needType: f.needType as Formation['needType'], quota: f.quota })),
        ps.map((q) => ({ formationId: q.formation_code, participantNo: q.participant_no!, twk: q.twk, tiu: q.tiu, tkp: q.tkp })),
      );
      const missing = await unscored(periodId);
      const labels = await sessionLabels([...new Set([...ps.map((q) => q.skd_session_id), ...missing.map((m) => m.session_id)].filter((id): id is string => Boolean(id)))]);
      const byNo = new Map(ps.map((q) => [q.participant_no!, q]));
      const sourceOf = (q: (typeof ps)[number] | undefined) => {
        if (!q?.skd_source) return null;
        const at = q.skd_session_id ? labels.get(q.skd_session_id) : undefined;
        return { kind: q.skd_source, sessionId: q.skd_session_id, siteName: at?.siteName ?? null, startsAt: at?.startsAt ?? null };
      };
      return {
        rows: ranked.map((r) => ({ ...r, code: skdCode(r.status, r.advancesToSkb), source: sourceOf(byNo.get(r.participantNo)) })),
        missing: missing.map((m) => ({
          applicationId: m.id,
          participantNo: m.participant_no!,
          formationCode: m.formation_code,
          sessionId: m.session_id,
          siteName: m.site_name,
          startsAt: m.starts_at ? new Date(m.starts_at).toISOString() : null,
          examInProgress: m.attempt_status === 'in_progress',
        })),
      };
    },

    /**
     * The committee records that participants did not sit the SKD (TH), for those with no score yet
     * (e.g. a session that was never run on the CAT); a recorded score is never replaced by this.
     */
    async recordAbsences(actor: Actor, periodId: string, participantNos: string[]) {
      await period(periodId);
      const wanted = new Set(participantNos);
      const missing = (await unscored(periodId)).filter((m) => wanted.has(m.participant_no!));
      const unknown = [...wanted].filter((no) => !missing.some((m) => m.participant_no === no));
      if (unknown.length > 0) {
        throw new AppError('VALIDATION_FAILED', msg(`Peserta ${unknown.join(', ')} tidak ada di periode ini atau sudah memiliki nilai SKD; muat ulang pratinjau.`, `Participants ${unknown.join(', ')} are not in this period or already have an SKD score; reload the preview.`), {
          fields: unknown.map((no) => ({ field: no, message: msg('Sudah memiliki nilai atau bukan peserta periode ini.', 'Already scored or not a participant of this period.') })),
        });
      }
      if (missing.some((m) => m.attempt_status === 'in_progress')) {
        throw conflict('Ada peserta yang sedang mengerjakan ujian; ketidakhadiran tidak dapat dicatat untuknya.', 'A participant is taking the exam right now; they cannot be recorded absent.');
      }
      await db.transaction().execute(async (trx) => {
        if (missing.length > 0) {
          await repo.addSkdIfNone(trx, missing.map((m) => ({ application_id: m.id, period_id: periodId, twk: null, tiu: null, tkp: null, source: 'absence' as const, session_id: null, recorded_by: actor.accountId, recorded_at: clock.now() })));
        }
        await audit.record(trx, { actor: actorOf(actor), action: 'skd.record_absence', subjectType: 'recruitment_period', subjectId: periodId, after: { participants: missing.map((m) => m.participant_no) } });
      });
      return { recorded: missing.length };
    },

    // ── SKB ──
    async skbWeights(formationId: string) {
      const row = await repo.skbWeights(db, formationId);
      return { components: (row?.components as SkbComponent[] | undefined) ?? [{ key: 'cat', name: 'SKB CAT', kind: 'cat', weightPct: 100 }], configured: Boolean(row) };
    },

    async setSkbWeights(actor: Actor, formationId: string, components: SkbComponent[]) {
      const problems = skbWeightProblems(components);
      if (problems.length > 0) {
        throw new AppError('VALIDATION_FAILED', msg('Bobot SKB tidak sesuai ketentuan.', 'SKB weights break the rules.'), { fields: problems.map((m) => ({ field: 'components', message: m })) });
      }
      if (!(await deps.recruitment.formationExists(formationId))) throw notFound();
      await db.transaction().execute(async (trx) => {
        await repo.saveSkbWeights(trx, formationId, { components: JSON.stringify(components), updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'skb.set_weights', subjectType: 'formation', subjectId: formationId, after: components });
      });
    },

    /**
     * Enters one participant's SKB scores from the form, by exactly the rules of the CSV import
     * (importSkb): component scores 0–100 with at most 2 decimals, null = absent, only a
     * participant who advanced to SKB. Audited as `skb.entry`.
     */
    async enterSkb(actor: Actor, periodId: string, participantNo: string, components: Record<string, string> | null) {
      const keys = components ? Object.keys(components).sort() : ['hadir'];
      const values = components ? keys.map((k) => components[k]!) : [''];
      const csv = `participant_no,${keys.join(',')}\n${participantNo},${values.join(',')}\n`;
      await this.importSkb(actor, periodId, Buffer.from(csv), { source: 'form' });
      return { participantNo, absent: components === null };
    },

    /**
     * Imports SKB scores per component: header `participant_no,<component keys…>`, scores 0–100
     * with at most 2 decimals, all empty = absent. Only participants who advanced to SKB.
     * `source: 'form'` (enterSkb): messages name no file line, the audit action is `skb.entry`.
     */
    async importSkb(actor: Actor, periodId: string, data: Buffer, opts: { source?: 'csv' | 'form' } = {}) {
      const fromForm = opts.source === 'form';
      const skd = await latestPublished(periodId, 'skd');
      if (!skd) throw conflict('Umumkan hasil SKD terlebih dahulu.', 'Publish the SKD results first.');
      const advancing = new Set(skd.files.get('ranking.csv')!.content.split('\n').slice(1).filter((l) => l.endsWith(',Y')).map((l) => l.split(',')[1]!));
      const ps = new Map((await participants(periodId)).map((p) => [p.participant_no!, p]));
      const weights = new Map<string, SkbComponent[]>();
      const text = data.toString('utf8').replace(/^\uFEFF/, '');
      const lines = text.split(/\r?\n/);
      const header = (lines[0] ?? '').split(',').map((h) => h.trim());
      const bad = (line: number, id: string, en: string) =>
        new AppError('VALIDATION_FAILED', fromForm ? msg(`Nilai SKB: ${id}.`, `SKB scores: ${en}.`) : msg(`skb-komponen.csv baris ${line}: ${id}`, `skb-components.csv line ${line}: ${en}`));
      if (header[0] !== 'participant_no' || header.length < 2) throw bad(1, 'header harus participant_no lalu kunci komponen, mis. participant_no,cat,praktik', 'header must be participant_no then component keys');
      const rows: { application_id: string; components: Record<string, number> | null; skb: number | null }[] = [];
      const seen = new Set<string>();
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        if (line.trim() === '') continue;
        const cells = line.split(',').map((c) => c.trim());
        if (cells.length !== header.length) throw bad(i + 1, `jumlah kolom ${cells.length}, seharusnya ${header.length}`, `${cells.length} columns, expected ${header.length}`);
        const no = cells[0]!;
        const p = ps.get(no);
        if (!p) throw bad(i + 1, `peserta ${no} tidak ada di periode ini`, `participant ${no} is not in this period`);
        if (!advancing.has(no)) throw bad(i + 1, `peserta ${no} tidak lolos ke SKB`, `participant ${no} did not advance to SKB`);
        if (seen.has(no)) throw bad(i + 1, `peserta ${no} ganda`, `participant ${no} twice`);
        seen.add(no);
        let w = weights.get(p.formation_id);
        if (!w) {
          w = (await this.skbWeights(p.formation_id)).components;
          weights.set(p.formation_id, w);
        }
        const values = cells.slice(1);
        if (values.every((v) => v === '')) {
          rows.push({ application_id: p.id, components: null, skb: null });
          continue;
        }
        const scores: Record<string, number> = {};
        for (const c of w) {
          const at = header.indexOf(c.key);
          if (at < 0) throw bad(1, `kolom komponen "${c.key}" (formasi ${p.formation_code}) tidak ada`, `component column "${c.key}" missing`);
          const v = parseScoreHundredths(cells[at] ?? '');
          if (v === null) throw bad(i + 1, `nilai ${c.key} "${cells[at]}" harus 0–100 dengan paling banyak 2 desimal`, `${c.key} must be 0–100 with at most 2 decimals`);
          scores[c.key] = v;
        }
        rows.push({ application_id: p.id, components: scores, skb: weightedSkbHundredths(w, scores) });
      }
      await db.transaction().execute(async (trx) => {
        for (const r of rows) {
          await repo.saveSkb(trx, r.application_id, periodId, { components: r.components ? JSON.stringify(r.components) : null, skb_hundredths: r.skb, recorded_by: actor.accountId, recorded_at: clock.now() });
        }
        await audit.record(trx, { actor: actorOf(actor), action: fromForm ? 'skb.entry' : 'skb.import', subjectType: 'recruitment_period', subjectId: periodId, after: { rows: rows.length, sha256: createHash('sha256').update(data).digest('hex') } });
      });
      return { imported: rows.length };
    },

    async settings(periodId: string) {
      await period(periodId);
      return { optimalisasi: await repo.optimalisasi(db, periodId) };
    },

    async setSettings(actor: Actor, periodId: string, body: { optimalisasi: boolean }) {
      await period(periodId);
      await db.transaction().execute(async (trx) => {
        await repo.saveSettings(trx, periodId, { optimalisasi: body.optimalisasi, updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'selection.settings', subjectType: 'recruitment_period', subjectId: periodId, after: body });
      });
    },

    // ── publication ──
    /** Proposes publishing a stage; the files are built now and never change afterwards. */
    async propose(actor: Actor, periodId: string, stage: 'skd' | 'final', reason: string | null) {
      if (stage === 'skd') {
        const blockers = skdPublicationBlockers((await period(periodId)).stages, clock.now());
        if (blockers.length > 0) throw new AppError('CONFLICT', msg(blockers.map((b) => b.id).join(' '), blockers.map((b) => b.en).join(' ')));
      }
      let files: { name: string; content: string }[];
      try {
        files = await buildFiles(periodId, stage);
      } catch (err) {
        asInputProblem(err);
      }
      return db.transaction().execute(async (trx) => {
        if (await repo.hasPendingPublication(trx, periodId)) throw conflict('Masih ada usulan publikasi yang menunggu persetujuan.', 'Another publication awaits approval.');
        const last = await repo.latestPublished(trx, periodId, stage);
        if (last && !reason) throw new AppError('VALIDATION_FAILED', msg('Hasil ini sudah diumumkan; koreksi memerlukan alasan yang akan ditampilkan ke publik.', 'Already published: a correction needs a public reason.'), { fields: [{ field: 'reason', message: msg('Alasan koreksi wajib diisi.', 'A reason is required.') }] });
        const id = ids.uuid();
        const version = await repo.lastVersion(trx, periodId, stage);
        await repo.insertPublication(
          trx,
          { id, period_id: periodId, stage, version: version + 1, status: 'proposed', reason, proposed_by: actor.accountId, proposed_at: clock.now() },
          files.map((f) => ({ publication_id: id, name: f.name, content: f.content, sha256: sha256(f.content) })),
        );
        await audit.record(trx, { actor: actorOf(actor), action: 'publication.propose', subjectType: 'publication', subjectId: id, after: { stage, version: Number(version) + 1, files: files.map((f) => ({ name: f.name, sha256: sha256(f.content) })) } });
        return { id, version: Number(version) + 1, files: files.map((f) => ({ name: f.name, sha256: sha256(f.content), bytes: Buffer.byteLength(f.content) })) };
      });
    },

    /** Another committee member approves (publishes, immutable) or rejects a proposal. */
    async decide(actor: Actor, publicationId: string, approve: boolean) {
      await db.transaction().execute(async (trx) => {
        const pub = await repo.lockPublication(trx, publicationId);
        if (!pub) throw notFound();
        assertSecondPerson(pub, actor.accountId, ANOTHER_COMMITTEE_MEMBER);
        await repo.updatePublication(trx, publicationId, { status: approve ? 'published' : 'rejected', decided_by: actor.accountId, decided_at: clock.now() });
        const files = await repo.fileHashes(trx, publicationId);
        await audit.record(trx, { actor: actorOf(actor), action: approve ? 'publication.publish' : 'publication.reject', subjectType: 'publication', subjectId: publicationId, after: { stage: pub.stage, version: pub.version, files } });
      });
    },

    /** A period's publications as the public sees them: published only, without who proposed or decided. */
    async publishedPublications(periodId: string) {
      return (await publications(periodId, true)).map(({ proposedBy: _p, decidedBy: _d, ...pub }) => pub);
    },

    /** Every publication of a period for the committee; who proposed is shown so a member cannot mistake their own proposal for one to approve. */
    allPublications: (periodId: string) => publications(periodId, false),

    /** A published file, exactly as published (public). */
    async publishedFile(publicationId: string, name: string) {
      const f = await repo.publishedFile(db, publicationId, name);
      if (!f) throw notFound();
      return f;
    },

    /** Public results of one formation from the latest published files, with masked names and a histogram. */
    async formationResults(periodId: string, formationCode: string) {
      const [skd, fin] = await Promise.all([latestPublished(periodId, 'skd'), latestPublished(periodId, 'final')]);
      if (!skd) throw notFound();
      const names = new Map((await participants(periodId)).map((p) => [p.participant_no!, (p.biodata as { nameOnIjazah?: string } | null)?.nameOnIjazah ?? p.full_name]));
      const rows = skd.files.get('ranking.csv')!.content.split('\n').slice(1).filter((l) => l.startsWith(`${formationCode},`)).map((l) => {
        const [, no, twk, tiu, tkp, total, status, rank, adv] = l.split(',');
        return { participantNo: no!, maskedName: maskName(names.get(no!) ?? ''), twk: twk ? Number(twk) : null, tiu: tiu ? Number(tiu) : null, tkp: tkp ? Number(tkp) : null, total: total ? Number(total) : null, rank: rank ? Number(rank) : null, code: skdCode(status!, adv === 'Y') };
      });
      const finals = fin
        ? fin.files.get('final.csv')!.content.split('\n').slice(1).filter((l) => l.startsWith(`${formationCode},`)).map((l) => {
            const [, no, skdTotal, skb, score, rank, result] = l.split(',');
            return { participantNo: no!, maskedName: maskName(names.get(no!) ?? ''), skdTotal: Number(skdTotal), skb: skb || null, finalScore: score || null, rank: rank ? Number(rank) : null, result: result! };
          })
        : null;
      if (rows.length === 0) throw notFound();
      const moves = fin?.files.get('optimalisasi.csv')?.content.split('\n').slice(1).filter(Boolean).map((l) => {
        const [no, from, to, score, result] = l.split(',');
        return { participantNo: no!, maskedName: maskName(names.get(no!) ?? ''), fromFormation: from!, toFormation: to!, finalScore: score!, result: result! };
      }).filter((m) => m.fromFormation === formationCode || m.toFormation === formationCode) ?? [];
      // 25-point bands of the SKD total (0–550) for the distribution chart.
      const histogram = Array.from({ length: 22 }, (_, i) => ({ from: i * 25, to: i * 25 + 24, count: 0 }));
      for (const r of rows) if (r.total !== null) histogram[Math.min(21, Math.floor(r.total / 25))]!.count += 1;
      return { formationCode, skdVersion: skd.pub.version, finalVersion: fin?.pub.version ?? null, skd: rows, final: finals, optimalisasi: moves, histogram };
    },

    /**
     * Who a period's latest published final result appoints (`L`, also after optimalisasi into
     * another formation): their application, account, formation and birth date, for BKPSDM to
     * turn into CPNS/PPPK records (the development module). Empty until a final result is published.
     */
    /** Periods whose final result is published, newest publication first not guaranteed: the appointment desk's periods. */
    periodsWithFinal: () => repo.periodsWithFinal(db),

    async appointees(periodId: string) {
      const fin = await latestPublished(periodId, 'final');
      if (!fin) return { published: false, type: null, rows: [] };
      const period = await deps.recruitment.getPeriod(periodId);
      const formationOf = new Map<string, string>();
      for (const l of fin.files.get('final.csv')?.content.split('\n').slice(1).filter(Boolean) ?? []) {
        const cells = l.split(',');
        if (cells[6] === 'L') formationOf.set(cells[1]!, cells[0]!);
      }
      for (const l of fin.files.get('optimalisasi.csv')?.content.split('\n').slice(1).filter(Boolean) ?? []) {
        const [no, , to, , result] = l.split(',');
        if (result === 'L' || result?.startsWith('L-')) formationOf.set(no!, to!);
      }
      if (formationOf.size === 0) return { published: true, type: period.type, rows: [] };
      const apps = await repo.appointees(db, periodId, [...formationOf.keys()]);
      const formationByCode = new Map((await formations(periodId)).map((f) => [f.code, f]));
      return {
        published: true,
        type: period.type,
        rows: apps
          .map((a) => {
            const f = formationByCode.get(formationOf.get(a.participant_no!)!);
            return { applicationId: a.id, accountId: a.applicant_id, participantNo: a.participant_no!, fullName: a.full_name, birthDate: a.birth_date, gender: a.gender, periodType: period.type, periodYear: period.year, formationCode: formationOf.get(a.participant_no!)!, jabatan: f?.jabatan ?? '', organizationId: f?.organizationId ?? '' };
          })
          .sort((x, y) => x.formationCode.localeCompare(y.formationCode) || x.participantNo.localeCompare(y.participantNo)),
      };
    },

    /**
     * SKD results from the CAT, in the exam's own transaction (submit, sweep, session close): a
     * submitted attempt's scores replace whatever was recorded; an absence seen by the session
     * (`scores` null) never replaces a recorded score or an import.
     */
    async recordSkdFromCat(trx: Executor, rows: { applicationId: string; periodId: string; sessionId: string; scores: { twk: number; tiu: number; tkp: number } | null }[]) {
      const values = (scored: boolean) =>
        rows.filter((r) => (r.scores !== null) === scored).map((r) => ({ application_id: r.applicationId, period_id: r.periodId, session_id: r.sessionId, twk: r.scores?.twk ?? null, tiu: r.scores?.tiu ?? null, tkp: r.scores?.tkp ?? null, source: 'cat' as const, recorded_by: null, recorded_at: clock.now() }));
      const scored = values(true);
      const absent = values(false);
      if (scored.length > 0) await repo.saveCatSkd(trx, scored);
      if (absent.length > 0) await repo.addSkdIfNone(trx, absent);
    },

    ruleSet,
  };
}

export type SelectionService = ReturnType<typeof createSelectionService>;
