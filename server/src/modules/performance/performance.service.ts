/**
 * SKP (PermenPANRB 6/2022, RULES.md §4): a performance year per employee with the pejabat penilai
 * and atasan pejabat penilai from the supervisor tree; hasil kerja cascaded by the evaluator (to
 * one direct report or the whole unit) with indicators and targets; the seven BerAKHLAK values
 * with ekspektasi khusus; the employee's agreement; quarterly and annual evaluations by the
 * pejabat penilai only, in order, with the predikat from the year's matrix and the distribution
 * warnings shown before finalising; feedback and evidence per hasil kerja; and the training
 * programmes recommended from the result, enrolled through the development module. Every change
 * is audited in its transaction.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { BehavioursBody, CascadeBody, EvaluationBody, IndicatorBody, NoteBody, ResultBody } from '../../../../common/contracts/performance.ts';
import { type Msg, msg } from '../../../../common/contracts/messages.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { type FileStore, putRecorded } from '../../platform/file-store.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { StepRunner } from '../../platform/process.ts';
import { renderCompetencyPlan } from '../../platform/pdf/competency-plan.ts';
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { TrainingService } from '../development/index.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type CatalogProgram, competencyPlan, recommendPrograms } from './domain/needs.ts';
import { EKINERJA_COLUMN_NAMES, MAX_IMPORT_ROWS, validateImport } from './domain/ekinerja-sheet.ts';
import { evaluationMachine, planMachine } from './domain/plan.ts';
import {
  BERAKHLAK, BERAKHLAK_LABELS, DEFAULT_MATRIX, type OrgPredikat, PERIODS, PERIOD_LABELS, PREDIKATS, PREDIKAT_LABELS, RATING_LABELS, type Period, type PredikatMatrix, type Rating, countPredikats, distributionWarnings, shownPeriod, emptyCounts, evaluationDueOn, matrixProblems, orderProblem, overallRating, predikatOf,
} from './domain/predikat.ts';
import { presentEvaluation, presentPlanView } from './performance.presenter.ts';
import { performanceRepository as repo } from './performance.repository.ts';
import { type PlanViewer, isBkpsdm, viewerOf } from './performance.policy.ts';

export interface PerformanceDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
  notifier: Notifier;
  files: FileStore;
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
  training: Pick<TrainingService, 'programs' | 'enroll' | 'mine' | 'jpReport'>;
}

/** Evidence files: PDF or JPEG up to 2 MB (checked by their bytes, platform/upload-check.ts). */
export const EVIDENCE_RULE = { mime: ['application/pdf', 'image/jpeg'] as ('application/pdf' | 'image/jpeg')[], maxBytes: 2 * 1024 * 1024 };

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
/** Public aggregates hide an OPD's predikat counts below this many evaluated employees (nobody is singled out). */
export const PUBLIC_MIN_GROUP = 5;
/** The public figures read the city-wide reports as BKPSDM would; only per-OPD aggregates leave. */
const PUBLIC_READER: Actor = { accountId: '00000000-0000-4000-8000-000000000000', role: 'training_admin', organizationId: 'bkpsdm' };
/** The export's columns (domain/ekinerja-sheet.ts, which the import reads back) with their widths. */
const WIDTHS = [22, 32, 12, 36, 10, 30, 36, 8, 16, 22, 32, 12, 22, 22, 20, 14];
const EKINERJA_COLUMNS: [string, number][] = EKINERJA_COLUMN_NAMES.map((n, i) => [n, WIDTHS[i] ?? 16]);
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const invalid = (field: string, m: Msg) => new AppError('VALIDATION_FAILED', m, { fields: [{ field, message: m }] });
const NOT_LINKED = msg('Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.', 'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.');
type Indicator = z.infer<typeof IndicatorBody>;
type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.plan>>>;

export function createPerformanceService(deps: PerformanceDeps) {
  const { db, clock, ids, audit, steps, notifier } = deps;

  const own = (actor: Actor, ex: Kysely<DB> = db) => repo.personOfAccount(ex, actor.accountId);
  async function matrixOf(ex: Kysely<DB>, year: number): Promise<PredikatMatrix> {
    const r = await repo.ruleSet(ex, year);
    return r && matrixProblems(r.matrix).length === 0 ? (r.matrix as PredikatMatrix) : DEFAULT_MATRIX;
  }
  async function orgPredikatOf(ex: Kysely<DB>, organizationId: string, year: number): Promise<{ predikat: OrgPredikat; set: boolean }> {
    const r = await repo.orgPredikat(ex, organizationId, year);
    return r ? { predikat: r.predikat, set: true } : { predikat: 'baik', set: false };
  }
  async function tell(trx: Kysely<DB>, accountId: string | null, fullName: string, notice: { title: string; body: string; path: string }) {
    if (!accountId) return;
    const email = (await deps.identity.emailsOfAccounts([accountId], trx)).get(accountId);
    if (email) await notifier.notify(trx, { accountId, email, fullName }, notice);
  }

  /** The plan and who the actor is to it; someone with no part in it gets NOT_FOUND. */
  async function planFor(actor: Actor, planId: string, ex: Kysely<DB> = db): Promise<{ plan: PlanRow; viewer: PlanViewer; me: string | null }> {
    const plan = await repo.plan(ex, planId);
    if (!plan) throw notFound();
    const me = (await own(actor, ex))?.id ?? null;
    const viewer = viewerOf(actor, me, plan);
    if (!viewer) throw notFound();
    return { plan, viewer, me };
  }
  const mustBe = (viewer: PlanViewer, who: PlanViewer, plan: PlanRow) => {
    if (viewer === who) return;
    if (who === 'evaluator') throw new AppError('FORBIDDEN', msg(`Hanya pejabat penilai SKP ini (${plan.evaluator_name ?? 'belum tercatat'}) yang dapat melakukannya.`, `Only this SKP's evaluator (${plan.evaluator_name ?? 'not recorded'}) can do this.`));
    throw new AppError('FORBIDDEN', msg(`Hanya ${plan.full_name} sendiri yang dapat melakukannya.`, `Only ${plan.full_name} can do this.`));
  };
  const mustBeDraft = (status: string) => {
    if (status !== 'draft') throw conflict('SKP ini sudah disepakati; hasil kerja dan ekspektasinya tidak dapat diubah kecuali pejabat penilai membukanya kembali.', 'This SKP is agreed; its results and expectations cannot change unless the evaluator reopens it.');
  };

  /** Plan rows for people who have none for the year yet: evaluator = their supervisor, atasan = the supervisor's supervisor (RULES.md §4.6). */
  async function ensurePlans(trx: Kysely<DB>, persons: readonly { id: string; organization_id: string; supervisor_id: string | null }[], year: number, status: 'draft' | 'agreed' = 'draft') {
    const supervisors = await repo.persons(trx, [...new Set(persons.map((p) => p.supervisor_id).filter((x): x is string => x !== null))]);
    const up = new Map(supervisors.map((s) => [s.id, s.supervisor_id]));
    const now = clock.now();
    return repo.ensurePlans(trx, persons.map((p) => ({ id: ids.uuid(), employee_id: p.id, year, organization_id: p.organization_id, evaluator_id: p.supervisor_id, evaluator_supervisor_id: p.supervisor_id ? (up.get(p.supervisor_id) ?? null) : null, status, ...(status === 'agreed' ? { agreed_at: now } : {}), updated_at: now })), year);
  }

  const indicatorRows = (resultId: string, list: readonly Indicator[]) => list.map((i, n) => ({ id: ids.uuid(), result_id: resultId, description: i.description, kind: i.kind, target: i.target, unit: i.unit, position: n }));

  async function presentPlan(ex: Kysely<DB>, plan: PlanRow, viewer: PlanViewer) {
    const [results, behaviours, evaluations] = await Promise.all([repo.results(ex, [plan.id]), repo.behaviours(ex, plan.id), repo.evaluations(ex, plan.id)]);
    const [indicators, notes] = await Promise.all([repo.indicators(ex, results.map((r) => r.id)), repo.notes(ex, results.map((r) => r.id))]);
    const drafts = viewer === 'evaluator' ? evaluations.filter((e) => e.status === 'draft') : [];
    const distributions = Object.fromEntries(await Promise.all(drafts.map(async (e) => [e.period, await distributionFor(ex, plan, e.period)] as const)));
    return presentPlanView({ plan, viewer, results, indicators, notes, behaviours, evaluations, distributions });
  }

  /** The evaluator's unit distribution for a period (their drafts and finals) and the warnings of RULES.md §4.5. */
  async function distributionFor(ex: Kysely<DB>, plan: { evaluator_id: string | null; organization_id: string; year: number }, period: Period) {
    const org = await orgPredikatOf(ex, plan.organization_id, plan.year);
    const counts = countPredikats(plan.evaluator_id ? await repo.unitPredikats(ex, plan.evaluator_id, plan.year, period) : []);
    return { organizationPredikat: org.predikat, organizationPredikatSet: org.set, counts, warnings: distributionWarnings(org.predikat, counts) };
  }

  return {
    // ── the year's rules ──
    async rules(year: number) {
      const r = await repo.ruleSet(db, year);
      return { year, matrix: await matrixOf(db, year), note: r?.note ?? '', custom: r !== undefined, uncertain: msg('Matriks predikat bersumber dari implementasi publik PermenPANRB 6/2022 (keyakinan sedang); periksa terhadap Lampiran resmi sebelum dipakai.', 'The predikat matrix comes from public implementations of PermenPANRB 6/2022 (medium confidence); check it against the official Lampiran before use.'), organizations: (await repo.orgPredikats(db, year)).map((o) => ({ organizationId: o.organization_id, predikat: o.predikat })) };
    },
    async setRules(actor: Actor, year: number, body: { matrix: PredikatMatrix; note: string }) {
      const problems = matrixProblems(body.matrix);
      if (problems.length > 0) throw invalid('matrix', problems[0]!);
      await db.transaction().execute(async (trx) => {
        const before = await repo.ruleSet(trx, year);
        await repo.upsertRuleSet(trx, { year, matrix: JSON.stringify(body.matrix), note: body.note, updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'performance.rules.set', subjectType: 'performance_rule_set', subjectId: String(year), before: before ? { matrix: before.matrix } : null, after: { matrix: body.matrix, note: body.note } });
      });
      return this.rules(year);
    },
    async setOrganizationPredikat(actor: Actor, year: number, organizationId: string, predikat: OrgPredikat) {
      if (!(await repo.organizationExists(db, organizationId))) throw notFound();
      await db.transaction().execute(async (trx) => {
        await repo.upsertOrgPredikat(trx, { organization_id: organizationId, year, predikat, updated_by: actor.accountId, updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'performance.organization_predikat.set', subjectType: 'organization', subjectId: organizationId, after: { year, predikat } });
      });
      return { organizationId, year, predikat };
    },

    // ── planning ──
    /** The evaluator's own plan and their direct reports with their plans' and evaluations' states. */
    async team(actor: Actor, year: number) {
      const me = await own(actor);
      if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
      const reports = await repo.directReports(db, me.id);
      const mine = await repo.planOf(db, me.id, year);
      const { plans, evaluations } = await repo.teamPlans(db, reports.map((r) => r.id), year);
      const byEmployee = new Map(plans.map((p) => [p.employee_id, p]));
      const myResults = mine ? await repo.results(db, [mine.id]) : [];
      return {
        year,
        me: { id: me.id, nip: me.nip, fullName: me.full_name, jabatan: me.jabatan, organization: { id: me.organization_id, name: me.organization_name } },
        myPlan: mine ? { id: mine.id, status: mine.status, results: myResults.map((r) => ({ id: r.id, title: r.title, perspective: r.perspective })) } : null,
        members: reports.map((r) => {
          const p = byEmployee.get(r.id);
          const evs = p ? evaluations.filter((e) => e.plan_id === p.id) : [];
          return {
            employee: { id: r.id, nip: r.nip, fullName: r.full_name, jabatan: r.jabatan, status: r.status, organization: { id: r.organization_id, name: r.organization_name } },
            plan: p && p.evaluator_id === me.id ? { id: p.id, status: p.status, results: Number(p.results ?? 0) } : null,
            evaluations: Object.fromEntries(evs.map((e) => [e.period, { status: e.status, predikat: e.predikat }])),
          };
        }),
      };
    },

    /** Opens the year's SKP: the employee their own, an evaluator one of a direct report. Idempotent. */
    async startPlan(actor: Actor, year: number, employeeId: string | null) {
      const me = await own(actor);
      if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
      const who = employeeId && employeeId !== me.id ? await repo.person(db, employeeId) : me;
      if (!who || (who.id !== me.id && who.supervisor_id !== me.id)) throw notFound();
      return db.transaction().execute(async (trx) => {
        const existing = await repo.planOf(trx, who.id, year);
        if (existing) return { id: existing.id, created: false };
        const made = (await ensurePlans(trx, [who], year)).get(who.id)!;
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.plan.start', subjectType: 'skp_plan', subjectId: made.id, after: { employeeId: who.id, year, evaluatorId: who.supervisor_id } });
        return { id: made.id, created: true };
      });
    },

    async plan(actor: Actor, planId: string) {
      const { plan, viewer } = await planFor(actor, planId);
      return presentPlan(db, plan, viewer);
    },

    /** A hasil kerja of the plan: set by the evaluator or proposed by the employee, while a draft. */
    async addResult(actor: Actor, planId: string, body: z.infer<typeof ResultBody>) {
      const { plan, viewer } = await planFor(actor, planId);
      if (viewer !== 'evaluator' && viewer !== 'employee') mustBe(viewer, 'evaluator', plan);
      return db.transaction().execute(async (trx) => {
        const locked = (await repo.lockPlan(trx, planId))!;
        mustBeDraft(locked.status);
        const id = ids.uuid();
        const position = (await repo.nextPositions(trx, [planId])).get(planId) ?? 0;
        await repo.insertResults(trx, [{ id, plan_id: planId, parent_id: null, cascade_kind: null, title: body.title, perspective: body.perspective, is_main: body.isMain, proposed_by: viewer === 'evaluator' ? 'evaluator' : 'employee', position }]);
        await repo.insertIndicators(trx, indicatorRows(id, body.indicators));
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.result.add', subjectType: 'skp_result', subjectId: id, after: { planId, title: body.title, indicators: body.indicators.length, by: viewer } });
        return { id };
      });
    },

    /**
     * Cascades one of the evaluator's own hasil kerja to direct reports: the ones named (all or
     * nothing: someone of another OPD or not a direct report refuses the whole request) or the
     * whole unit (every direct report in the evaluator's OPD; agreed plans and those already
     * holding this result are skipped and reported).
     */
    async cascade(actor: Actor, resultId: string, body: z.infer<typeof CascadeBody>) {
      const me = await own(actor);
      if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
      const parent = await repo.result(db, resultId);
      if (!parent || parent.employee_id !== me.id) throw notFound();
      const reports = await repo.directReports(db, me.id);
      let targets: typeof reports;
      if (body.employeeIds) {
        const wanted = [...new Set(body.employeeIds)];
        const found = await repo.persons(db, wanted);
        const foreign = found.filter((p) => p.organization_id !== me.organization_id);
        if (foreign.length > 0) throw invalid('employeeIds', msg(`Hasil kerja tidak dapat diturunkan ke pegawai perangkat daerah lain (${foreign.map((f) => `${f.full_name}, ${f.organization_name}`).join('; ')}).`, `Results cannot be cascaded to employees of another agency (${foreign.map((f) => `${f.full_name}, ${f.organization_name}`).join('; ')}).`));
        const direct = new Set(reports.map((r) => r.id));
        const strangers = wanted.filter((id) => !direct.has(id));
        if (strangers.length > 0) throw invalid('employeeIds', msg('Hasil kerja hanya diturunkan ke bawahan langsung Anda (Anda pejabat penilainya).', 'Results are cascaded only to your direct reports (you are their evaluator).'));
        targets = reports.filter((r) => wanted.includes(r.id));
      } else {
        targets = reports.filter((r) => r.organization_id === me.organization_id);
      }
      if (targets.length === 0) throw invalid('employeeIds', msg('Belum ada bawahan langsung di unit Anda untuk menerima hasil kerja ini.', 'You have no direct reports in your unit to receive this result.'));
      return db.transaction().execute(async (trx) => {
        const planIds = await ensurePlans(trx, targets, parent.year);
        const parentIndicators = body.indicators ?? (await repo.indicators(trx, [parent.id])).map((i) => ({ description: i.description, kind: i.kind, target: i.target, unit: i.unit }));
        const all = [...planIds.values()].map((p) => p.id);
        const already = await repo.plansWithChild(trx, parent.id, all);
        const skipped: { employeeId: string; reason: 'agreed' | 'already' }[] = [];
        const receivers = targets.filter((t) => {
          const p = planIds.get(t.id)!;
          if (already.has(p.id)) skipped.push({ employeeId: t.id, reason: 'already' });
          else if (p.status !== 'draft') skipped.push({ employeeId: t.id, reason: 'agreed' });
          else return true;
          return false;
        });
        if (body.employeeIds && skipped.length > 0) {
          const names = skipped.map((s) => targets.find((t) => t.id === s.employeeId)!.full_name).join(', ');
          throw conflict(`Tidak diturunkan: SKP ${names} sudah disepakati atau sudah memuat hasil kerja ini.`, `Not cascaded: the SKP of ${names} is agreed or already holds this result.`);
        }
        const positions = await repo.nextPositions(trx, receivers.map((r) => planIds.get(r.id)!.id));
        const results = receivers.map((r) => {
          const planId = planIds.get(r.id)!.id;
          return { id: ids.uuid(), plan_id: planId, parent_id: parent.id, cascade_kind: body.kind, title: body.title || parent.title, perspective: parent.perspective, is_main: parent.is_main, proposed_by: 'evaluator' as const, position: positions.get(planId) ?? 0 };
        });
        await repo.insertResults(trx, results);
        await repo.insertIndicators(trx, results.flatMap((r) => indicatorRows(r.id, parentIndicators)));
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.result.cascade', subjectType: 'skp_result', subjectId: parent.id, after: { kind: body.kind, to: receivers.map((r) => r.id), skipped: skipped.length, unit: body.unit === true } });
        for (const r of receivers) await tell(trx, r.account_id, r.full_name, { title: `Hasil kerja baru di SKP ${parent.year}`, body: `${me.full_name} menurunkan hasil kerja "${body.title || parent.title}" ke SKP Anda. Periksa indikator dan targetnya, lalu nyatakan persetujuan Anda.`, path: '/skp/saya' });
        return { cascaded: receivers.length, skipped };
      });
    },

    /** The evaluator's ekspektasi khusus per BerAKHLAK value (SE MenPANRB 20/2021), while a draft. */
    async setBehaviours(actor: Actor, planId: string, body: z.infer<typeof BehavioursBody>) {
      const { plan, viewer } = await planFor(actor, planId);
      mustBe(viewer, 'evaluator', plan);
      await db.transaction().execute(async (trx) => {
        mustBeDraft((await repo.lockPlan(trx, planId))!.status);
        await repo.upsertBehaviours(trx, planId, Object.entries(body.expectations).map(([value, expectation]) => ({ value, expectation: expectation ?? '' })));
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.behaviours.set', subjectType: 'skp_plan', subjectId: planId, after: { values: Object.keys(body.expectations) } });
      });
      return presentPlan(db, (await repo.plan(db, planId))!, viewer);
    },

    /** The employee agrees to the plan, recording the clarification of expectations (Pasal 5). */
    async agree(actor: Actor, planId: string, clarification: string) {
      const { plan, viewer } = await planFor(actor, planId);
      mustBe(viewer, 'employee', plan);
      await db.transaction().execute(async (trx) => {
        const locked = (await repo.lockPlan(trx, planId))!;
        const results = await repo.results(trx, [planId]);
        if (results.length === 0) throw conflict('SKP belum memuat hasil kerja; minta pejabat penilai menurunkan hasil kerja atau usulkan sendiri lebih dulu.', 'The SKP has no results yet; ask your evaluator to cascade results or propose your own first.');
        const now = clock.now();
        await steps(trx, { machine: planMachine, subject: { type: 'skp_plan', id: planId, status: locked.status }, event: 'agree', actor: actorOf(actor), apply: (status) => repo.setPlan(trx, planId, { status, clarification, agreed_at: now, updated_at: now }), audit: { action: 'skp.plan.agree', after: { clarification } } });
        await tell(trx, plan.evaluator_account_id, plan.evaluator_name ?? '', { title: `SKP ${plan.year} disepakati: ${plan.full_name}`, body: clarification ? `Klarifikasi ekspektasi: ${clarification}` : `${plan.full_name} menyetujui SKP ${plan.year}.`, path: `/skp/rencana/${planId}` });
      });
      return presentPlan(db, (await repo.plan(db, planId))!, viewer);
    },

    /** The evaluator reopens an agreed plan that has no evaluation yet. */
    async reopen(actor: Actor, planId: string) {
      const { plan, viewer } = await planFor(actor, planId);
      mustBe(viewer, 'evaluator', plan);
      await db.transaction().execute(async (trx) => {
        const locked = (await repo.lockPlan(trx, planId))!;
        if ((await repo.evaluations(trx, planId)).length > 0) throw conflict('SKP yang sudah dievaluasi tidak dapat dibuka kembali.', 'An SKP that has been evaluated cannot be reopened.');
        await steps(trx, { machine: planMachine, subject: { type: 'skp_plan', id: planId, status: locked.status }, event: 'reopen', actor: actorOf(actor), apply: (status) => repo.setPlan(trx, planId, { status, agreed_at: null, updated_at: clock.now() }), audit: { action: 'skp.plan.reopen' } });
      });
      return presentPlan(db, (await repo.plan(db, planId))!, viewer);
    },

    // ── evaluations ──
    /**
     * Saves the pejabat penilai's draft evaluation of a period: realisations, ratings per hasil
     * kerja and per value, the overall ratings (derived by RULES.md §4.3 unless given) and the
     * predikat from the year's matrix; answers with the unit's distribution warnings.
     */
    async saveEvaluation(actor: Actor, planId: string, period: Period, body: z.infer<typeof EvaluationBody>) {
      const { plan, viewer } = await planFor(actor, planId);
      mustBe(viewer, 'evaluator', plan);
      return db.transaction().execute(async (trx) => {
        const locked = (await repo.lockPlan(trx, planId))!;
        if (locked.status !== 'agreed') throw conflict('SKP ini belum disepakati pegawai; evaluasi dimulai setelah SKP disepakati.', 'The employee has not agreed to this SKP yet; evaluation starts once it is agreed.');
        const evaluations = await repo.evaluations(trx, planId);
        const current = evaluations.find((e) => e.period === period);
        if (current?.status === 'final') throw conflict(`Evaluasi ${PERIOD_LABELS[period].id} sudah final dan tidak dapat diubah.`, `The ${PERIOD_LABELS[period].en} evaluation is final and cannot be changed.`);
        const order = orderProblem(period, new Set(evaluations.filter((e) => e.status === 'final').map((e) => e.period)));
        if (order) throw conflict(order.id, order.en);
        const results = await repo.results(trx, [planId]);
        const known = new Set(results.map((r) => r.id));
        if (Object.keys(body.resultRatings).some((id) => !known.has(id))) throw invalid('resultRatings', msg('Ada penilaian untuk hasil kerja yang bukan milik SKP ini.', 'A rating refers to a result that is not in this SKP.'));
        const indicatorIds = new Set((await repo.indicators(trx, [...known])).map((i) => i.id));
        if (Object.keys(body.realisations).some((id) => !indicatorIds.has(id))) throw invalid('realisations', msg('Ada realisasi untuk indikator yang bukan milik SKP ini.', 'A realisation refers to an indicator that is not in this SKP.'));
        const ratingResults: Rating = body.ratingResults ?? overallRating(results.filter((r) => body.resultRatings[r.id]).map((r) => ({ rating: body.resultRatings[r.id]!, isMain: r.is_main })));
        const ratingBehaviour: Rating = body.ratingBehaviour ?? overallRating(BERAKHLAK.filter((v) => body.behaviourRatings[v]).map((v) => ({ rating: body.behaviourRatings[v]!, isMain: false })));
        const predikat = predikatOf(await matrixOf(trx, plan.year), ratingResults, ratingBehaviour);
        const id = current?.id ?? ids.uuid();
        await repo.upsertEvaluation(trx, {
          id, plan_id: planId, period, evaluator_id: plan.evaluator_id!, organization_id: plan.organization_id, year: plan.year, rating_results: ratingResults, rating_behaviour: ratingBehaviour, predikat,
          result_ratings: JSON.stringify(body.resultRatings), behaviour_ratings: JSON.stringify(body.behaviourRatings), realisations: JSON.stringify(body.realisations), note: body.note, status: 'draft', updated_at: clock.now(),
        });
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.evaluation.save', subjectType: 'skp_evaluation', subjectId: id, after: { planId, period, ratingResults, ratingBehaviour, predikat } });
        const saved = (await repo.evaluations(trx, planId)).find((e) => e.period === period)!;
        return { evaluation: presentEvaluation(saved), distribution: await distributionFor(trx, plan, period) };
      });
    },

    /** Finalises a draft evaluation; a final evaluation never changes. The employee is told. */
    async finalise(actor: Actor, planId: string, period: Period) {
      const { plan, viewer } = await planFor(actor, planId);
      mustBe(viewer, 'evaluator', plan);
      return db.transaction().execute(async (trx) => {
        await repo.lockPlan(trx, planId);
        const e = await repo.lockEvaluation(trx, planId, period);
        if (!e) throw conflict(`Simpan penilaian ${PERIOD_LABELS[period].id} lebih dulu, lalu finalkan.`, `Save the ${PERIOD_LABELS[period].en} evaluation first, then finalise it.`);
        const now = clock.now();
        const distribution = await distributionFor(trx, plan, period);
        await steps(trx, { machine: evaluationMachine, subject: { type: 'skp_evaluation', id: e.id, status: e.status }, event: 'finalise', actor: actorOf(actor), apply: (status) => repo.setEvaluationStatus(trx, e.id, { status, finalised_at: now, finalised_by: actor.accountId, updated_at: now }), audit: { action: 'skp.evaluation.finalise', after: { planId, period, predikat: e.predikat, warnings: distribution.warnings.length } } });
        await tell(trx, plan.account_id, plan.full_name, { title: `Evaluasi ${PERIOD_LABELS[period].id} ${plan.year} final`, body: `Pejabat penilai memfinalkan evaluasi kinerja Anda. Lihat predikat dan rekomendasi pengembangan kompetensi di Merit.`, path: '/skp/saya' });
        return { evaluation: presentEvaluation((await repo.evaluations(trx, planId)).find((x) => x.period === period)!), distribution };
      });
    },

    // ── feedback and evidence ──
    async addNote(actor: Actor, resultId: string, body: z.infer<typeof NoteBody>) {
      const r = await repo.result(db, resultId);
      if (!r) throw notFound();
      const { viewer } = await planFor(actor, r.plan_id);
      if (viewer !== 'employee' && viewer !== 'evaluator') throw notFound();
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        await repo.insertNote(trx, { id, result_id: resultId, author_account_id: actor.accountId, author_side: viewer, kind: body.kind, body: body.body, url: body.kind === 'link' ? body.url : null, created_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.note.add', subjectType: 'skp_result', subjectId: resultId, after: { noteId: id, kind: body.kind } });
      });
      return { id };
    },
    /** Evidence as a file: PDF or JPEG within the limit, judged by its bytes (the platform's upload check). */
    async addFile(actor: Actor, resultId: string, data: Buffer, caption: string) {
      const r = await repo.result(db, resultId);
      if (!r) throw notFound();
      const { viewer } = await planFor(actor, r.plan_id);
      if (viewer !== 'employee' && viewer !== 'evaluator') throw notFound();
      const check = await checkUpload(data, EVIDENCE_RULE, { label: 'bukti dukung' });
      if (!check.ok) throw invalid('file', check.message);
      const id = ids.uuid();
      await putRecorded(deps.files, check.data, { contentType: check.mime }, (stored) =>
        db.transaction().execute(async (trx) => {
          await repo.insertNote(trx, { id, result_id: resultId, author_account_id: actor.accountId, author_side: viewer, kind: 'file', body: caption, file_key: stored.key, file_mime: check.mime, file_size: check.size, created_at: clock.now() });
          await audit.record(trx, { actor: actorOf(actor), action: 'skp.evidence.upload', subjectType: 'skp_result', subjectId: resultId, after: { noteId: id, mime: check.mime, size: check.size, sha256: stored.sha256 } });
        }),
      );
      return { id };
    },
    async noteFile(actor: Actor, noteId: string) {
      const n = await repo.note(db, noteId);
      if (!n || n.kind !== 'file' || !n.file_key) throw notFound();
      const r = (await repo.result(db, n.result_id))!;
      await planFor(actor, r.plan_id);
      return { data: await deps.files.get(n.file_key), mime: n.file_mime!, name: `bukti-skp-${n.id.slice(0, 8)}.${n.file_mime === 'application/pdf' ? 'pdf' : 'jpg'}` };
    },

    // ── OPD dashboard and export ──
    /**
     * Per OPD: employees, plans and agreed plans, final evaluations per period, the predikat
     * distribution of the chosen period with its warnings, and the evaluators who have not
     * finalised it (late once it is due). BKPSDM sees the city; a supervisor their own OPD.
     */
    async dashboard(actor: Actor, requestedYear?: number, period?: Period, organizationId?: string) {
      let only = organizationId;
      if (!isBkpsdm(actor)) {
        const me = await own(actor);
        if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
        only = me.organization_id;
      }
      const today = localDate(clock.now());
      const thisYear = Number(today.slice(0, 4));
      // Without a period (or a year) the server picks the newest one with final data and says which.
      const shown = period ? { year: requestedYear ?? thisYear, period } : shownPeriod(await repo.finalPeriods(db, { year: requestedYear, organizationId: only }), requestedYear ?? thisYear, today);
      const { year, period: p } = shown;
      const [progress, counts, orgPredikats, pending, holidays] = await Promise.all([repo.planProgress(db, year, only), repo.evaluationCounts(db, year, only), repo.orgPredikats(db, year), repo.pendingEvaluators(db, year, p, only), loadHolidays(db)]);
      const orgOf = new Map(orgPredikats.map((o) => [o.organization_id, o.predikat]));
      const organizations = progress.map((o) => {
        const mine = counts.filter((c) => c.organization_id === o.organization_id);
        const final = Object.fromEntries(PERIODS.map((x) => [x, mine.filter((c) => c.period === x).reduce((a, c) => a + Number(c.n), 0)])) as Record<Period, number>;
        const predikat = emptyCounts();
        for (const c of mine.filter((c) => c.period === p)) predikat[c.predikat] += Number(c.n);
        const orgPredikat = orgOf.get(o.organization_id) ?? null;
        return { organizationId: o.organization_id, name: o.name, employees: Number(o.employees), plans: Number(o.plans), agreed: Number(o.agreed ?? 0), final, predikat, organizationPredikat: orgPredikat, warnings: distributionWarnings(orgPredikat ?? 'baik', predikat) };
      });
      const totalPredikat = emptyCounts();
      for (const o of organizations) for (const k of PREDIKATS) totalPredikat[k] += o.predikat[k];
      const dueOn = evaluationDueOn(year, p, holidays);
      return {
        year,
        period: p,
        organizations,
        totals: { employees: organizations.reduce((a, o) => a + o.employees, 0), plans: organizations.reduce((a, o) => a + o.plans, 0), agreed: organizations.reduce((a, o) => a + o.agreed, 0), final: organizations.reduce((a, o) => a + o.final[p], 0), predikat: totalPredikat },
        lateEvaluators: pending.map((v) => ({ id: v.id, nip: v.nip, fullName: v.full_name, organization: { id: v.organization_id, name: v.organization_name }, pending: Number(v.pending) })),
        due: { period: p, dueOn, overdue: today > dueOn },
      };
    },

    /** Every SKP of a year with one period's result, in the columns e-Kinerja BKN takes (audited: it holds NIPs). */
    async exportSheet(actor: Actor, year: number, period: Period, format: SheetFormat) {
      const rows = await repo.exportRows(db, year, period);
      await audit.record(db, { actor: actorOf(actor), action: 'skp.export', subjectType: 'skp_evaluations', subjectId: String(year), after: { period, rows: rows.length, format } });
      const label = (r: Rating | null) => (r ? RATING_LABELS[r].id : '');
      return writeSheet(
        {
          name: `SKP ${year} ${PERIOD_LABELS[period].id}`,
          columns: EKINERJA_COLUMNS.map(([name, width]) => ({ name, width })),
          rows: rows.map((r) => [r.nip, r.full_name, r.employee_status, r.jabatan, r.golongan, r.unit, r.organization_name, year, PERIOD_LABELS[period].id, r.evaluator_nip ?? '', r.evaluator_name ?? '', r.plan_status === 'agreed' ? 'Disetujui' : 'Draf', label(r.rating_results), label(r.rating_behaviour), r.predikat ? PREDIKAT_LABELS[r.predikat].id : '', r.evaluation_status === 'final' ? 'Final' : r.evaluation_status === 'draft' ? 'Draf' : 'Belum dinilai']),
        },
        format,
      );
    },

    /**
     * The public monitoring figures: the city's predikat distribution for a period (final
     * evaluations), per OPD when at least PUBLIC_MIN_GROUP were evaluated, and the 20 JP compliance
     * per OPD. Counts and percentages only — no name, NIP or evaluator leaves.
     */
    async publicFigures(requestedYear?: number, period?: Period) {
      const dash = await this.dashboard(PUBLIC_READER, requestedYear, period);
      const year = dash.year;
      const jp = await deps.training.jpReport(PUBLIC_READER, year);
      return {
        year,
        period: dash.period,
        minGroup: PUBLIC_MIN_GROUP,
        predikat: dash.totals.predikat,
        evaluated: dash.totals.final,
        byOrganization: dash.organizations.map((o) => ({ organizationId: o.organizationId, name: o.name, evaluated: o.final[dash.period], predikat: o.final[dash.period] >= PUBLIC_MIN_GROUP ? o.predikat : null })),
        jp: { required: jp.required, employees: jp.employees, met: jp.met, percent: jp.employees === 0 ? 0 : Math.floor((jp.met * 100) / jp.employees), byOrganization: jp.byOrganization.map((o) => ({ organizationId: o.organizationId, name: o.name, employees: o.employees, percent: o.employees >= PUBLIC_MIN_GROUP ? o.percent : null })) },
      };
    },

    /**
     * Checks (commit=false) or imports earlier years' final results from an e-Kinerja-like sheet
     * (the export's columns): every row is checked first and reported by its Excel line; the import
     * runs only when every row is right, and saves all rows or none. A result lands on the
     * employee's plan of that year (opened as agreed when missing) as a final, imported evaluation.
     */
    async importResults(actor: Actor, data: Buffer, format: SheetFormat, commit: boolean) {
      const answer = (r: { ok: boolean; report: { line: number; nip: string | null; status: 'import' | 'skip' | 'error'; problems: Msg[] }[] }, committed: boolean) => ({
        committed, ok: r.ok,
        counts: { import: r.report.filter((x) => x.status === 'import').length, skip: r.report.filter((x) => x.status === 'skip').length, error: r.report.filter((x) => x.status === 'error').length },
        report: r.report,
      });
      const read = await readSheet(data, format, { maxRows: MAX_IMPORT_ROWS, columns: EKINERJA_COLUMN_NAMES.length, noun: { id: 'hasil SKP', en: 'SKP results' } });
      if (!read.ok) return answer({ ok: false, report: [{ line: read.line, nip: null, status: 'error', problems: [read.problem] }] }, false);
      const [people, matrices] = await Promise.all([repo.employeesByNip(db), repo.ruleSets(db)]);
      const currentYear = Number(localDate(clock.now()).slice(0, 4));
      const years = [...new Set(read.records.slice(1).map((r) => Number(r.cells[EKINERJA_COLUMN_NAMES.indexOf('Tahun')] ?? '')).filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100))];
      const checked = validateImport(read.records, {
        employees: new Set(people.keys()),
        existing: await repo.evaluationKeys(db, years),
        matrixOf: (y) => { const m = matrices.get(y); return m && matrixProblems(m).length === 0 ? (m as PredikatMatrix) : DEFAULT_MATRIX; },
        currentYear,
      });
      if (!checked.ok || !commit) return answer(checked, false);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        for (const year of new Set(checked.rows.map((r) => r.year))) {
          const rows = checked.rows.filter((r) => r.year === year);
          const plans = await ensurePlans(trx, rows.map((r) => people.get(r.nip)!), year, 'agreed');
          await repo.insertEvaluations(trx, rows.map((r) => {
            const who = people.get(r.nip)!;
            return {
              id: ids.uuid(), plan_id: plans.get(who.id)!.id, period: r.period, evaluator_id: r.evaluatorNip ? people.get(r.evaluatorNip)!.id : who.supervisor_id, organization_id: who.organization_id, year, source: 'import' as const,
              rating_results: r.ratingResults, rating_behaviour: r.ratingBehaviour, predikat: r.predikat, result_ratings: '{}', behaviour_ratings: '{}', realisations: '{}', status: 'final' as const, finalised_at: now, finalised_by: actor.accountId, updated_at: now,
            };
          }));
        }
        await audit.record(trx, { actor: actorOf(actor), action: 'skp.import', subjectType: 'skp_evaluations', subjectId: null, after: { rows: checked.rows.length, years: [...new Set(checked.rows.map((r) => r.year))], nips: checked.rows.map((r) => r.nip) } });
      });
      return answer(checked, true);
    },

    // ── the draft competency development plan ──
    /**
     * Per OPD, the draft annual competency development plan (rencana pengembangan kompetensi) from
     * every employee's newest final evaluation of the year: the recommended programmes, how many
     * need each, the JP and cost that implies, why, and the BerAKHLAK values most often below
     * expectation. BKPSDM sees the city; a supervisor their own OPD. A draft: enrolments already
     * made are not subtracted, BKPSDM edits the final plan.
     */
    async competencyPlan(actor: Actor, year: number, organizationId?: string) {
      let only = organizationId;
      if (!isBkpsdm(actor)) {
        const me = await own(actor);
        if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
        only = me.organization_id;
      }
      const [finals, programs, names] = await Promise.all([repo.latestFinals(db, year, only), deps.training.programs(), repo.organizationNames(db)]);
      const results = await repo.results(db, finals.map((f) => f.plan_id));
      const byPlan = new Map<string, typeof results>();
      for (const r of results) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
      const perOrg = new Map<string, { recs: ReturnType<typeof recommendPrograms>[]; below: Record<string, number> }>();
      for (const f of finals) {
        const catalog: CatalogProgram[] = programs.map((p) => ({ id: p.id, title: p.title, competencyArea: p.competencyArea, eligible: eligible(p, f), taken: false }));
        const recs = recommendPrograms({ period: f.period, predikat: f.predikat, behaviourRatings: f.behaviour_ratings, results: (byPlan.get(f.plan_id) ?? []).map((r) => ({ title: r.title, rating: f.result_ratings[r.id] ?? null })) }, { kind: f.jabatan_kind, name: f.jabatan }, catalog);
        const org = perOrg.get(f.organization_id) ?? { recs: [], below: Object.fromEntries(BERAKHLAK.map((v) => [v, 0])) };
        org.recs.push(recs);
        for (const v of BERAKHLAK) if (f.behaviour_ratings[v] === 'below') org.below[v]! += 1;
        perOrg.set(f.organization_id, org);
      }
      const byId = new Map(programs.map((p) => [p.id, p]));
      const organizations = [...perOrg].map(([organizationId, o]) => {
        const plan = competencyPlan(o.recs, programs.map((p) => ({ id: p.id, jp: p.jp, costRupiah: p.costRupiah })));
        return {
          organizationId, name: names.get(organizationId) ?? organizationId, assessed: o.recs.length, withNeeds: o.recs.filter((r) => r.length > 0).length,
          valuesBelow: BERAKHLAK.map((v) => ({ value: v, label: BERAKHLAK_LABELS[v], employees: o.below[v]! })).filter((v) => v.employees > 0).sort((a, b) => b.employees - a.employees),
          rows: plan.rows.map((r) => { const p = byId.get(r.programId)!; return { program: { id: p.id, title: p.title, competencyArea: p.competencyArea, jp: p.jp, costRupiah: p.costRupiah }, employees: r.employees, jp: r.jp, costRupiah: r.costRupiah, reasons: r.reasons }; }),
          jp: plan.jp, costRupiah: plan.costRupiah,
        };
      }).sort((a, b) => a.name.localeCompare(b.name));
      return { year, organizations, totals: { jp: organizations.reduce((a, o) => a + o.jp, 0), costRupiah: organizations.reduce((a, o) => a + o.costRupiah, 0) } };
    },

    /** The draft plan as a sheet, one row per OPD and programme (audited). */
    async competencyPlanSheet(actor: Actor, year: number, format: SheetFormat, organizationId?: string) {
      const plan = await this.competencyPlan(actor, year, organizationId);
      await audit.record(db, { actor: actorOf(actor), action: 'skp.competency_plan.export', subjectType: 'competency_plan', subjectId: String(year), after: { organizations: plan.organizations.length, format } });
      return writeSheet(
        {
          name: `Rencana Pengembangan ${year}`,
          columns: [['Perangkat Daerah', 36], ['Program Pelatihan', 40], ['Bidang Kompetensi', 28], ['Jumlah Pegawai', 14], ['JP per Peserta', 12], ['Total JP', 10], ['Biaya per Peserta (Rp)', 18], ['Total Biaya (Rp)', 18], ['Alasan', 60]].map(([name, width]) => ({ name: name as string, width: width as number })),
          rows: plan.organizations.flatMap((o) => o.rows.map((r) => [o.name, r.program.title, r.program.competencyArea, r.employees, r.program.jp, r.jp, r.program.costRupiah, r.costRupiah, r.reasons.map((x) => `${x.reason.id} (${x.count})`).join('; ')])),
        },
        format,
      );
    },

    /** The draft plan as the PDF BKPSDM circulates (audited). */
    async competencyPlanPdf(actor: Actor, year: number) {
      const plan = await this.competencyPlan(actor, year);
      await audit.record(db, { actor: actorOf(actor), action: 'skp.competency_plan.export', subjectType: 'competency_plan', subjectId: String(year), after: { organizations: plan.organizations.length, format: 'pdf' } });
      return renderCompetencyPlan({
        year,
        dateText: formatCalendarDate(localDate(clock.now())),
        organizations: plan.organizations.filter((o) => o.rows.length > 0).map((o) => ({
          name: o.name, assessed: o.assessed, withNeeds: o.withNeeds, jp: o.jp, cost: o.costRupiah,
          rows: o.rows.map((r) => ({ title: r.program.title, area: r.program.competencyArea, employees: r.employees, jpEach: r.program.jp, jp: r.jp, costEach: r.program.costRupiah, cost: r.costRupiah, reasons: r.reasons.map((x) => `${x.reason.id} (${x.count})`).join('; ') })),
        })),
        totals: { jp: plan.totals.jp, cost: plan.totals.costRupiah },
      }, { now: clock.now() });
    },

    // ── the employee's own year and training needs ──
    async mine(actor: Actor, year: number) {
      const me = await own(actor);
      if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
      const plan = await repo.planOf(db, me.id, year);
      const evaluations = plan ? await repo.evaluations(db, plan.id) : [];
      return {
        year,
        employee: { id: me.id, nip: me.nip, fullName: me.full_name, jabatan: me.jabatan, organization: { id: me.organization_id, name: me.organization_name } },
        plan: plan ? { id: plan.id, status: plan.status, evaluator: plan.evaluator_name ? { nip: plan.evaluator_nip!, fullName: plan.evaluator_name } : null } : null,
        evaluations: PERIODS.flatMap((p) => evaluations.filter((e) => e.period === p && e.status === 'final')).map(presentEvaluation),
        recommendations: plan ? await recommendationsFor(actor, me, plan.id, year) : [],
      };
    },

    /** Enrols the employee in an open batch of a programme recommended to them (the development module's enrolment). */
    async enrollRecommended(actor: Actor, year: number, programId: string, batchId: string) {
      const me = await own(actor);
      if (!me) throw new AppError('NOT_FOUND', NOT_LINKED);
      const plan = await repo.planOf(db, me.id, year);
      const recs = plan ? await recommendationsFor(actor, me, plan.id, year) : [];
      const rec = recs.find((r) => r.program.id === programId);
      if (!rec) throw conflict('Program ini tidak (lagi) direkomendasikan untuk Anda; pilih dari daftar rekomendasi.', 'This programme is not (or no longer) recommended to you; choose from the recommendations.');
      if (!rec.program.batches.some((b) => b.id === batchId)) throw invalid('batchId', msg('Pilih angkatan yang masih dibuka dari program ini.', 'Choose an open batch of this programme.'));
      const enrolled = await deps.training.enroll(actor, batchId, me.id);
      await audit.record(db, { actor: actorOf(actor), action: 'skp.recommendation.enroll', subjectType: 'enrollment', subjectId: enrolled.id, after: { programId, batchId, reasons: rec.reasons.map((r) => r.id) } });
      return enrolled;
    },
  };

  type Programme = Awaited<ReturnType<PerformanceDeps['training']['programs']>>[number];
  /** Whether an employee meets a programme's eligibility (status, jabatan kind, OPD). */
  function eligible(p: Programme, who: { status: string; jabatan_kind: string; organization_id: string }) {
    const e = p.eligibility;
    return (!e.statuses?.length || e.statuses.includes(who.status)) && (!e.jabatanKinds?.length || e.jabatanKinds.includes(who.jabatan_kind)) && (!e.organizationIds?.length || e.organizationIds.includes(who.organization_id));
  }

  /** Programmes recommended from the newest final evaluation, with open batches. */
  async function recommendationsFor(actor: Actor, me: NonNullable<Awaited<ReturnType<typeof repo.person>>>, planId: string, year: number) {
    const latest = await repo.latestFinal(db, planId);
    if (!latest) return [];
    const [programs, results, training] = await Promise.all([deps.training.programs(), repo.results(db, [planId]), deps.training.mine(actor, year)]);
    const taken = new Set(training.enrollments.filter((e) => e.status !== 'cancelled').map((e) => e.title));
    const catalog: CatalogProgram[] = programs.map((p) => ({
      id: p.id, title: p.title, competencyArea: p.competencyArea,
      eligible: eligible(p, me),
      taken: taken.has(p.title),
    }));
    const recs = recommendPrograms({ period: latest.period, predikat: latest.predikat, behaviourRatings: latest.behaviour_ratings, results: results.map((r) => ({ title: r.title, rating: latest.result_ratings[r.id] ?? null })) }, { kind: me.jabatan_kind, name: me.jabatan }, catalog);
    const byId = new Map(programs.map((p) => [p.id, p]));
    return recs.map((r) => {
      const p = byId.get(r.programId)!;
      return { program: { id: p.id, title: p.title, competencyArea: p.competencyArea, jp: p.jp, kind: p.kind, modality: p.modality, batches: p.batches.filter((b) => b.status === 'open').map((b) => ({ id: b.id, name: b.name, startsOn: b.startsOn, endsOn: b.endsOn, venue: b.venue, seated: b.seated, capacity: b.capacity })) }, reasons: r.reasons, period: latest.period };
    });
  }
}

export type PerformanceService = ReturnType<typeof createPerformanceService>;
