/**
 * Recruitment use-cases for the committee and applicants (RULES.md §1): periods with their yearly
 * rule set and windows, formations and the public catalog, applicant biodata, one application per
 * period, document uploads, submission, the registration card and the applicant's timeline.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CatalogQuery, CreatePeriodBody, FormationBody, Profile } from '../../../../common/contracts/recruitment.ts';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import { maskNik } from '../../../../common/rules/nik.ts';
import type { Executor } from '../../db/database.ts';
import type { DB, Stages, StageName } from '../../db/schema.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import type { StepRunner } from '../../platform/process.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { type FileStore, putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import { renderRegistrationCard } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import {
  type DocumentKind,
  type RecruitmentRuleSet,
  tmsReasonLabel,
  sanggahLimits,
  applicationMachine,
  canEdit,
  checkEligibility,
} from './domain/index.ts';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { parseFormationSheet, writeFormationSheet, type FormationRow } from './formation-sheet.ts';
import { actorOf, cardLinks, ruleSetFor, stageOpen, windowClosed } from './application-workflow.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

export interface RecruitmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  /** Every status change goes through the application machine here. */
  steps: StepRunner;
  files: FileStore;
  publicUrl: string;
  /** Signs the QR links on cards so that registration numbers cannot be enumerated. */
  cardSecret: string;
}


const presentFormation = (f: { id: string; period_id: string; code: string; organization_id: string; organization_name: string; jabatan: string; education_levels: string[]; majors: string[]; need_type: string; quota: number; placement: string | null; applicants?: number | string | null }) => ({
  id: f.id,
  periodId: f.period_id,
  code: f.code,
  organizationId: f.organization_id,
  organizationName: f.organization_name,
  jabatan: f.jabatan,
  educationLevels: f.education_levels as z.infer<typeof FormationBody>['educationLevels'],
  majors: f.majors,
  needType: f.need_type as z.infer<typeof FormationBody>['needType'],
  quota: f.quota,
  placement: f.placement,
  applicants: Number(f.applicants ?? 0),
});

export const presentPeriod = (p: { id: string; code: string; name: string; year: number; type: 'CPNS' | 'PPPK'; age_cutoff_date: string; stages: Stages; rule_set: unknown }) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  year: p.year,
  type: p.type,
  ageCutoffDate: p.age_cutoff_date,
  stages: p.stages as Record<string, { start: string; end: string }>,
  ruleSet: p.rule_set,
});

const STATUS_NOTES: Record<string, Msg> = {
  draft: msg('Lamaran dibuat (draf). Lengkapi dokumen lalu kirim sebelum pendaftaran ditutup.', 'Application created (draft). Upload the documents and submit before registration closes.'),
  submitted: msg('Lamaran dikirim dan dikunci. Menunggu verifikasi administrasi.', 'Application submitted and locked. Awaiting administrative verification.'),
};

export function createRecruitmentService(deps: RecruitmentDeps) {
  const { db, clock, ids, audit, files } = deps;

  async function periodOrThrow(ex: Executor, id: string) {
    const p = await repo.period(ex, id);
    if (!p) throw notFound();
    return p;
  }

  async function ownApplication(ex: Executor, actor: Actor, id: string) {
    const a = await repo.applicationOf(ex, actor.accountId, id);
    if (!a) throw notFound();
    return a;
  }

  async function insertFormation(trx: Executor, periodId: string, f: FormationRow) {
    const id = ids.uuid();
    await repo.insertFormation(trx, {
      id,
      period_id: periodId,
      code: f.code,
      organization_id: f.organizationId,
      jabatan: f.jabatan,
      education_levels: f.educationLevels,
      majors: f.majors,
      need_type: f.needType,
      quota: f.quota,
      placement: f.placement,
    });
    return id;
  }

  return {
    // ── periods ────────────────────────────────────────────────────────────────────────────
    async createPeriod(actor: Actor, body: z.infer<typeof CreatePeriodBody>) {
      const id = ids.uuid();
      const ruleSet = ruleSetFor(body.year, body.type);
      await db.transaction().execute(async (trx) => {
        if (await repo.periodCodeTaken(trx, body.code)) {
          throw fieldError('code', msg('Kode periode sudah dipakai.', 'Period code already used.'));
        }
        await repo.insertPeriod(trx, { id, code: body.code, name: body.name, year: body.year, type: body.type, rule_set: JSON.stringify(ruleSet), stages: JSON.stringify(body.stages), age_cutoff_date: body.ageCutoffDate, created_by: actor.accountId });
        // Whoever opens a period sits on its committee; the admin adds the others.
        if (actor.role === 'committee') await repo.addCommitteeMember(trx, id, actor.accountId, actor.accountId);
        await audit.record(trx, { actor: actorOf(actor), action: 'period.create', subjectType: 'recruitment_period', subjectId: id, after: { ...body, ruleSet } });
      });
      return presentPeriod((await repo.period(db, id))!);
    },

    async updateStages(actor: Actor, periodId: string, stages: Stages) {
      await db.transaction().execute(async (trx) => {
        const before = await periodOrThrow(trx, periodId);
        await repo.updatePeriod(trx, periodId, { stages: JSON.stringify(stages), updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'period.update_stages', subjectType: 'recruitment_period', subjectId: periodId, before: before.stages, after: stages });
      });
      return presentPeriod((await repo.period(db, periodId))!);
    },

    /** Replaces a period's rule set (upload and age limits, sanggah window …): yearly rules are data. */
    async updateRuleSet(actor: Actor, periodId: string, ruleSet: RecruitmentRuleSet) {
      await db.transaction().execute(async (trx) => {
        const before = await periodOrThrow(trx, periodId);
        if (ruleSet.year !== before.year || ruleSet.type !== before.type) {
          throw fieldError('ruleSet', msg(`Aturan harus untuk ${before.type} tahun ${before.year}.`, `The rules must be for ${before.type} ${before.year}.`));
        }
        await repo.updatePeriod(trx, periodId, { rule_set: JSON.stringify(ruleSet), updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'period.update_rule_set', subjectType: 'recruitment_period', subjectId: periodId, before: before.rule_set, after: ruleSet });
      });
      return presentPeriod((await repo.period(db, periodId))!);
    },

    /** Every period; for a committee account only those whose committee it sits on. */
    async listPeriods(actor?: Actor) {
      const all = await repo.periods(db);
      if (actor?.role !== 'committee') return all.map(presentPeriod);
      const mine = new Set(await repo.committeePeriodIds(db, actor.accountId));
      return all.filter((p) => mine.has(p.id)).map(presentPeriod);
    },

    async getPeriod(id: string) {
      return presentPeriod(await periodOrThrow(db, id));
    },

    /** A period's formations by code, for other modules (selection's files and optimalisasi). */
    async periodFormations(periodId: string) {
      return (await repo.periodFormations(db, periodId)).map((f) => ({
        id: f.id,
        code: f.code,
        needType: f.need_type,
        quota: f.quota,
        jabatan: f.jabatan,
        organizationId: f.organization_id,
        educationLevels: f.education_levels,
        majors: f.majors,
      }));
    },

    async formationExists(id: string) {
      return (await repo.formation(db, id)) !== undefined;
    },

    // ── formations ─────────────────────────────────────────────────────────────────────────
    async createFormation(actor: Actor, periodId: string, body: z.infer<typeof FormationBody>) {
      const id = await db.transaction().execute(async (trx) => {
        await periodOrThrow(trx, periodId);
        if ((await repo.formationCodes(trx, periodId)).has(body.code)) throw fieldError('code', msg('Kode formasi sudah ada di periode ini.', 'Formation code already exists in this period.'));
        if (!(await repo.organizationExists(trx, body.organizationId))) {
          throw fieldError('organizationId', msg('OPD tidak dikenal.', 'Unknown organisation.'));
        }
        const fid = await insertFormation(trx, periodId, body);
        await audit.record(trx, { actor: actorOf(actor), action: 'formation.create', subjectType: 'formation', subjectId: fid, after: body });
        return fid;
      });
      return presentFormation((await repo.formation(db, id))!);
    },

    /** Imports a whole sheet or nothing: the committee fixes the reported rows and tries again. */
    async importFormations(actor: Actor, periodId: string, data: Buffer, format: 'xlsx' | 'csv') {
      await periodOrThrow(db, periodId);
      const organizationIds = await repo.organizationIds(db);
      const parsed = await parseFormationSheet(data, format, { organizationIds, existingCodes: await repo.formationCodes(db, periodId) });
      if (!parsed.ok) return { imported: 0, report: parsed.report };
      await db.transaction().execute(async (trx) => {
        for (const row of parsed.rows) await insertFormation(trx, periodId, row);
        await audit.record(trx, { actor: actorOf(actor), action: 'formation.import', subjectType: 'recruitment_period', subjectId: periodId, after: { count: parsed.rows.length, codes: parsed.rows.map((r) => r.code) } });
      });
      return { imported: parsed.rows.length, report: parsed.report };
    },

    async exportFormations(periodId: string, format: 'xlsx' | 'csv') {
      await periodOrThrow(db, periodId);
      const rows = await repo.periodFormations(db, periodId);
      return writeFormationSheet(
        rows.map((f) => ({ code: f.code, organizationId: f.organization_id, jabatan: f.jabatan, educationLevels: f.education_levels, majors: f.majors, needType: f.need_type, quota: f.quota, placement: f.placement })),
        format,
      );
    },

    async catalog(query: z.infer<typeof CatalogQuery>) {
      const { total, rows } = await repo.catalog(db, { ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { total, page: query.page, pageSize: query.pageSize, formations: rows.map(presentFormation) };
    },

    // ── applicant profile ─────────────────────────────────────────────────────────────────
    async getProfile(actor: Actor) {
      return ((await repo.profile(db, actor.accountId)) ?? null) as Profile | null;
    },

    async saveProfile(actor: Actor, profile: Profile) {
      await db.transaction().execute(async (trx) => {
        await repo.saveProfile(trx, actor.accountId, JSON.stringify(profile), clock.now());
        await audit.record(trx, { actor: actorOf(actor), action: 'profile.save', subjectType: 'applicant_profile', subjectId: actor.accountId, after: profile });
      });
      return profile;
    },

    // ── applications ──────────────────────────────────────────────────────────────────────
    /** Starts the one application of a period (RULES.md §1.3), after the eligibility check. */
    async apply(actor: Actor, body: { periodId: string; formationId: string }) {
      const period = await periodOrThrow(db, body.periodId);
      if (!stageOpen(period.stages, 'registration', clock.now())) {
        throw windowClosed(msg('Pendaftaran untuk periode ini sedang tidak dibuka.', 'Registration for this period is not open.'));
      }
      const formation = await repo.formation(db, body.formationId);
      if (!formation || formation.period_id !== period.id) throw notFound();
      const profile = (await repo.profile(db, actor.accountId)) as Profile | undefined;
      if (!profile) throw new AppError('CONFLICT', msg('Lengkapi biodata terlebih dahulu.', 'Complete your biodata first.'));
      const account = await repo.accountEligibility(db, actor.accountId);
      const eligibility = checkEligibility(
        {
          birthDate: account.birth_date!,
          gender: account.gender ?? 'L',
          educationLevel: profile.educationLevel,
          major: profile.major,
          ipkHundredths: profile.ipk === null ? null : Math.round(profile.ipk * 100),
          hasDisability: profile.hasDisability,
          isPapuan: profile.isPapuan,
          isDiaspora: profile.isDiaspora,
          isCumlaude: profile.isCumlaude,
        },
        { jabatan: formation.jabatan, educationLevels: formation.education_levels as never, majors: formation.majors, needType: formation.need_type as never },
        period.rule_set as RecruitmentRuleSet,
        period.age_cutoff_date,
      );
      if (!eligibility.eligible) {
        throw new AppError('CONFLICT', msg('Anda tidak memenuhi syarat formasi ini.', 'You do not meet this formation’s requirements.'), {
          fields: eligibility.problems.map((p) => ({ field: p.code, message: p.message })),
        });
      }
      const id = ids.uuid();
      const registrationNo = `${period.code}-${ids.uuid().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
      try {
        await db.transaction().execute(async (trx) => {
          const existing = await repo.applicationInPeriod(trx, period.id, actor.accountId);
          if (existing) throw duplicateApplication();
          const now = clock.now();
          await repo.insertApplication(trx, { id, period_id: period.id, applicant_id: actor.accountId, formation_id: formation.id, registration_no: registrationNo, status: 'draft', created_at: now, updated_at: now });
          await repo.addEvent(trx, { application_id: id, occurred_at: now, status: 'draft', note_id: STATUS_NOTES.draft!.id, note_en: STATUS_NOTES.draft!.en });
          await audit.record(trx, { actor: actorOf(actor), action: 'application.create', subjectType: 'application', subjectId: id, after: { periodId: period.id, formationId: formation.id, status: 'draft' } });
        });
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw duplicateApplication();
        throw err;
      }
      return this.myApplication(actor, id);
    },

    async myApplications(actor: Actor) {
      const apps = await repo.applicationsOf(db, actor.accountId);
      return Promise.all(apps.map((a) => this.myApplication(actor, a.id)));
    },

    /** The applicant's own view: status as published (never a verifier's unpublished verdict). */
    async myApplication(actor: Actor, id: string) {
      const a = await ownApplication(db, actor, id);
      const [formation, period, docs, objection, seat] = await Promise.all([
        repo.formation(db, a.formation_id),
        repo.period(db, a.period_id),
        repo.documents(db, a.id),
        repo.objectionOf(db, a.id),
        // The exam's date and place, on screen as on the card, once a participant number is given.
        a.participant_no ? repo.examSeat(db, a.id) : undefined,
      ]);
      const ruleSet = period!.rule_set as RecruitmentRuleSet;
      const published = a.published_result !== null;
      const visibleStatus = !published && ['ms', 'tms'].includes(a.status) ? 'submitted' : a.status;
      return {
        id: a.id,
        registrationNo: a.registration_no,
        status: visibleStatus,
        result: a.published_result,
        submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
        participantNo: a.participant_no,
        /** The public page the QR code on the applicant's cards opens. */
        cardCheckUrl: a.status === 'draft' ? null : `${deps.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(deps.cardSecret).sign(a.registration_no)}`,
        period: presentPeriod(period!),
        formation: presentFormation({ ...formation!, applicants: 0 }),
        documents: (Object.entries(ruleSet.uploadLimits) as [DocumentKind, RecruitmentRuleSet['uploadLimits'][DocumentKind]][]).map(([kind, rule]) => {
          const d = docs.find((x) => x.kind === kind);
          return {
            kind,
            label: rule.label,
            required: rule.required,
            mime: rule.mime,
            maxBytes: rule.maxBytes,
            uploaded: d ? { size: d.size_bytes, mime: d.mime, uploadedAt: new Date(d.uploaded_at).toISOString(), originalName: d.original_name } : null,
            // Per-document verdicts are shown only once the result is published.
            verdict: published && d ? d.verdict : null,
            reason: published && d && d.verdict === 'tms' ? { code: d.reason_code, label: tmsReasonLabel(d.reason_code), text: d.reason_text } : null,
          };
        }),
        /** The period's sanggah limits, so the form says and enforces what the server will. */
        objectionLimits: (({ reasonChars, evidenceMaxBytes }) => ({ reasonChars, evidenceMaxBytes }))(sanggahLimits(ruleSet)),
        exam: seat
          ? { siteName: seat.name, siteAddress: seat.address, startsAt: new Date(seat.starts_at).toISOString(), durationMinutes: seat.duration_minutes, extraMinutes: seat.extra_minutes, seat: seat.seat }
          : null,
        objection: objection
          ? { status: objection.status, reason: objection.reason, filedAt: new Date(objection.filed_at).toISOString(), deadlineAt: new Date(objection.deadline_at).toISOString(), response: objection.response }
          : null,
      };
    },

    async deleteDraft(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const a = await ownApplication(trx, actor, id);
        if (!canEdit(a.status)) throw locked();
        await repo.deleteApplication(trx, id);
        await audit.record(trx, { actor: actorOf(actor), action: 'application.delete_draft', subjectType: 'application', subjectId: id });
      });
    },

    /** Stores one document after checking its real type and size against the period's rule set. */
    /** `overBytes`: the file was over the route's cap and not read; its declared size, for the rule's size message. */
    async uploadDocument(actor: Actor, id: string, kind: string, data: Buffer, originalName: string | null, overBytes?: number) {
      const a = await ownApplication(db, actor, id);
      if (!canEdit(a.status)) throw locked();
      const period = (await repo.period(db, a.period_id))!;
      if (!stageOpen(period.stages, 'registration', clock.now())) throw windowClosed(msg('Pendaftaran sudah ditutup; dokumen tidak dapat diubah.', 'Registration has closed; documents can no longer change.'));
      const rule = (period.rule_set as RecruitmentRuleSet).uploadLimits[kind as DocumentKind];
      if (!rule) throw notFound();
      const check = await checkUpload(data, rule, overBytes ? { size: overBytes } : {});
      if (!check.ok) throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : check.code === 'wrong_type' ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED', check.message, { fields: [{ field: kind, message: check.message }] });
      const previous = await repo.document(db, id, kind);
      const stored = await putRecorded(files, check.data, { contentType: check.mime }, async (stored) => {
        await db.transaction().execute(async (trx) => {
          await repo.putDocument(trx, { application_id: id, kind, file_key: stored.key, mime: check.mime, size_bytes: stored.size, sha256: stored.sha256, original_name: originalName === null ? null : [...originalName].slice(0, 200).join(''), uploaded_at: clock.now() });
          await audit.record(trx, { actor: actorOf(actor), action: 'document.upload', subjectType: 'application', subjectId: id, before: previous ? { kind, sha256: previous.sha256 } : undefined, after: { kind, sha256: stored.sha256, size: stored.size } });
        });
        return stored;
      });
      // The last version is the one that counts (RULES.md §1.4); the replaced file is removed.
      if (previous) await files.delete(previous.file_key).catch(() => {});
      return { kind, size: stored.size, mime: check.mime };
    },

    /** Submits and locks the application: all required documents, still eligible, window open. */
    async submit(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        const a = await ownApplication(trx, actor, id);
        if (!canEdit(a.status)) throw locked();
        const period = (await repo.period(trx, a.period_id))!;
        if (!stageOpen(period.stages, 'registration', clock.now())) throw windowClosed(msg('Pendaftaran sudah ditutup.', 'Registration has closed.'));
        const ruleSet = period.rule_set as RecruitmentRuleSet;
        const docs = new Set((await repo.documents(trx, id)).map((d) => d.kind));
        const missing = (Object.entries(ruleSet.uploadLimits) as [string, { required: boolean; label: Msg }][]).filter(([k, r]) => r.required && !docs.has(k));
        if (missing.length > 0) {
          throw new AppError('CONFLICT', msg('Masih ada dokumen wajib yang belum diunggah.', 'Some required documents are missing.'), {
            fields: missing.map(([k, r]) => ({ field: k, message: msg(`${r.label.id} belum diunggah.`, `${r.label.en} is missing.`) })),
          });
        }
        const profile = await repo.profile(trx, actor.accountId);
        const now = clock.now();
        await deps.steps(trx, {
          machine: applicationMachine,
          subject: { type: 'application', id, status: a.status },
          event: 'submit',
          actor: actorOf(actor),
          apply: (status) => repo.updateApplication(trx, id, { status, submitted_at: now, biodata: JSON.stringify(profile ?? null), updated_at: now }),
          timeline: (status) => repo.addEvent(trx, { application_id: id, occurred_at: now, status, note_id: STATUS_NOTES.submitted!.id, note_en: STATUS_NOTES.submitted!.en }),
          audit: { action: 'application.submit' },
        });
      });
      return this.myApplication(actor, id);
    },

    async timeline(actor: Actor, id: string) {
      await ownApplication(db, actor, id);
      return (await repo.events(db, id)).map((e) => ({ at: new Date(e.occurred_at).toISOString(), status: e.status, note: { id: e.note_id, en: e.note_en } }));
    },

    /** The owner's own file, or any file for verifiers/committee (a staff view is audit-logged). */
    async readDocument(actor: Actor, id: string, kind: string) {
      const a = await repo.application(db, id);
      const isOwner = a?.applicant_id === actor.accountId;
      const isStaff = actor.role === 'verifier' || actor.role === 'committee';
      if (!a || (!isOwner && !isStaff) || (isStaff && !isOwner && a.status === 'draft')) throw notFound();
      if (!isOwner && actor.role === 'verifier' && !(await repo.isPeriodVerifier(db, a.period_id, actor.accountId))) throw notFound();
      const d = await repo.document(db, id, kind);
      if (!d) throw notFound();
      if (!isOwner) {
        await audit.record(db, { actor: actorOf(actor), action: 'document.view', subjectType: 'application', subjectId: id, after: { kind, sha256: d.sha256 } });
      }
      return { data: await files.get(d.file_key), mime: d.mime, name: `${a.registration_no}-${kind}.${d.mime === 'application/pdf' ? 'pdf' : 'jpg'}` };
    },

    async registrationCard(actor: Actor, id: string) {
      const a = await ownApplication(db, actor, id);
      if (a.status === 'draft' || a.status === 'withdrawn') throw new AppError('CONFLICT', msg('Kartu pendaftaran tersedia setelah lamaran dikirim.', 'The registration card is available after you submit.'));
      const [formation, period, account, photo] = await Promise.all([
        repo.formation(db, a.formation_id),
        repo.period(db, a.period_id),
        repo.accountCard(db, a.applicant_id),
        repo.document(db, id, 'pas_foto'),
      ]);
      return renderRegistrationCard({
        periodName: period!.name,
        registrationNo: a.registration_no,
        fullName: ((a.biodata as Profile | null)?.nameOnIjazah ?? account.full_name),
        nikMasked: maskNik(account.nik ?? ''),
        birthPlace: account.birth_place ?? '-',
        birthDateText: formatCalendarDate(account.birth_date),
        formation: { jabatan: formation!.jabatan, organizationName: formation!.organization_name, needType: formation!.need_type, educationLevel: formation!.education_levels.join('/') },
        submittedAtText: a.submitted_at ? formatWitaDateTime(new Date(a.submitted_at)) : '-',
        ...(photo ? { photoJpeg: await files.get(photo.file_key) } : {}),
        verifyUrl: `${deps.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(deps.cardSecret).sign(a.registration_no)}`,
      });
    },

    /** What the QR on a card shows the public: only non-personal facts, and only with the signature. */
    async verifyCard(registrationNo: string, signature: string) {
      if (!cardLinks(deps.cardSecret).verify(registrationNo, signature)) throw notFound();
      const a = await repo.applicationByRegistrationNo(db, registrationNo);
      if (!a || a.status === 'draft') throw notFound();
      const [formation, period] = await Promise.all([repo.formation(db, a.formation_id), repo.period(db, a.period_id)]);
      return {
        registrationNo: a.registration_no,
        participantNo: a.participant_no,
        periodName: period!.name,
        jabatan: formation!.jabatan,
        organizationName: formation!.organization_name,
        submitted: a.submitted_at !== null,
        submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
        administrationResult: a.published_result,
      };
    },
  };
}

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;

const duplicateApplication = () =>
  new AppError('CONFLICT', msg('Anda sudah memiliki lamaran di periode ini. Satu NIK hanya boleh melamar satu formasi per periode.', 'You already applied in this period. One NIK, one formation per period.'));
const locked = () =>
  new AppError('CONFLICT', msg('Lamaran sudah dikirim dan dikunci; isinya tidak dapat diubah lagi.', 'The application is submitted and locked; it can no longer change.'));


