/** The applicant's biodata and application: applying after the eligibility check, submitting, the draft's deletion and the timeline. */
import type { Kysely } from 'kysely';
import { msg, type Msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { type RecruitmentRuleSet, applicationMachine, canEdit, checkEligibility } from './domain/index.ts';
import { actorOf, stageOpen, windowClosed } from './application-workflow.ts';
import { myApplication } from './my-application.ts';
import {
  duplicateApplication,
  locked,
  ownApplication,
  periodOrThrow,
  type RecruitmentContext,
  STATUS_NOTES,
} from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'publicUrl' | 'cardSecret'>;
type PeriodRow = NonNullable<Awaited<ReturnType<typeof repo.period>>>;
type FormationRow = NonNullable<Awaited<ReturnType<typeof repo.formation>>>;

/** The applicant's saved biodata, or null before the first save. */
export async function getProfile(ctx: Pick<RecruitmentContext, 'db'>, actor: Actor) {
  return ((await repo.profile(ctx.db, actor.accountId)) ?? null) as Profile | null;
}

/** Saves the applicant's biodata (audited); a submitted application keeps its own copy. */
export async function saveProfile(
  ctx: Pick<RecruitmentContext, 'db' | 'clock' | 'audit'>,
  actor: Actor,
  profile: Profile,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveProfile(trx, actor.accountId, JSON.stringify(profile), ctx.clock.now());
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'profile.save',
      subjectType: 'applicant_profile',
      subjectId: actor.accountId,
      after: profile,
    });
  });
  return profile;
}

/** Refuses with every unmet requirement when the applicant's biodata does not fit the formation (RULES.md §1.2). */
async function assertEligible(db: Kysely<DB>, actor: Actor, period: PeriodRow, formation: FormationRow) {
  const profile = (await repo.profile(db, actor.accountId)) as Profile | undefined;
  if (!profile)
    throw new AppError('CONFLICT', msg('Lengkapi biodata terlebih dahulu.', 'Complete your biodata first.'));
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
    {
      jabatan: formation.jabatan,
      educationLevels: formation.education_levels as never,
      majors: formation.majors,
      needType: formation.need_type as never,
    },
    period.rule_set as RecruitmentRuleSet,
    period.age_cutoff_date,
  );
  if (!eligibility.eligible) {
    throw new AppError(
      'CONFLICT',
      msg('Anda tidak memenuhi syarat formasi ini.', 'You do not meet this formation’s requirements.'),
      {
        fields: eligibility.problems.map((p) => ({ field: p.code, message: p.message })),
      },
    );
  }
}

/** Starts the one application of a period (RULES.md §1.3), after the eligibility check. */
export async function apply(ctx: Ctx, actor: Actor, body: { periodId: string; formationId: string }) {
  const { db, clock, ids } = ctx;
  const period = await periodOrThrow(db, body.periodId);
  if (!stageOpen(period.stages, 'registration', clock.now())) {
    throw windowClosed(
      msg('Pendaftaran untuk periode ini sedang tidak dibuka.', 'Registration for this period is not open.'),
    );
  }
  const formation = await repo.formation(db, body.formationId);
  if (!formation || formation.period_id !== period.id) throw notFound();
  await assertEligible(db, actor, period, formation);
  const id = ids.uuid();
  const registrationNo = `${period.code}-${ids.uuid().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await repo.applicationInPeriod(trx, period.id, actor.accountId);
      if (existing) throw duplicateApplication();
      const now = clock.now();
      await repo.insertApplication(trx, {
        id,
        period_id: period.id,
        applicant_id: actor.accountId,
        formation_id: formation.id,
        registration_no: registrationNo,
        status: 'draft',
        created_at: now,
        updated_at: now,
      });
      await repo.addEvent(trx, {
        application_id: id,
        occurred_at: now,
        status: 'draft',
        note_id: STATUS_NOTES.draft!.id,
        note_en: STATUS_NOTES.draft!.en,
      });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'application.create',
        subjectType: 'application',
        subjectId: id,
        after: { periodId: period.id, formationId: formation.id, status: 'draft' },
      });
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw duplicateApplication();
    throw err;
  }
  return myApplication(ctx, actor, id);
}

/** Deletes the applicant's own draft; a submitted application is locked. */
export async function deleteDraft(ctx: Pick<RecruitmentContext, 'db' | 'audit'>, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await ownApplication(trx, actor, id);
    if (!canEdit(a.status)) throw locked();
    await repo.deleteApplication(trx, id);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'application.delete_draft',
      subjectType: 'application',
      subjectId: id,
    });
  });
}

/** Submits and locks the application: all required documents, still eligible, window open. */
export async function submit(ctx: Ctx, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await ownApplication(trx, actor, id);
    if (!canEdit(a.status)) throw locked();
    const period = (await repo.period(trx, a.period_id))!;
    if (!stageOpen(period.stages, 'registration', ctx.clock.now()))
      throw windowClosed(msg('Pendaftaran sudah ditutup.', 'Registration has closed.'));
    const ruleSet = period.rule_set as RecruitmentRuleSet;
    const docs = new Set((await repo.documents(trx, id)).map((d) => d.kind));
    const missing = (Object.entries(ruleSet.uploadLimits) as [string, { required: boolean; label: Msg }][]).filter(
      ([k, r]) => r.required && !docs.has(k),
    );
    if (missing.length > 0) {
      throw new AppError(
        'CONFLICT',
        msg('Masih ada dokumen wajib yang belum diunggah.', 'Some required documents are missing.'),
        {
          fields: missing.map(([k, r]) => ({
            field: k,
            message: msg(`${r.label.id} belum diunggah.`, `${r.label.en} is missing.`),
          })),
        },
      );
    }
    const profile = await repo.profile(trx, actor.accountId);
    const now = ctx.clock.now();
    await ctx.steps(trx, {
      machine: applicationMachine,
      subject: { type: 'application', id, status: a.status },
      event: 'submit',
      actor: actorOf(actor),
      apply: (status) =>
        repo.updateApplication(trx, id, {
          status,
          submitted_at: now,
          biodata: JSON.stringify(profile ?? null),
          updated_at: now,
        }),
      timeline: (status) =>
        repo.addEvent(trx, {
          application_id: id,
          occurred_at: now,
          status,
          note_id: STATUS_NOTES.submitted!.id,
          note_en: STATUS_NOTES.submitted!.en,
        }),
      audit: { action: 'application.submit' },
    });
  });
  return myApplication(ctx, actor, id);
}

/** The applicant's own timeline of status milestones, oldest first. */
export async function timeline(ctx: Pick<RecruitmentContext, 'db'>, actor: Actor, id: string) {
  await ownApplication(ctx.db, actor, id);
  return (await repo.events(ctx.db, id)).map((e) => ({
    at: new Date(e.occurred_at).toISOString(),
    status: e.status,
    note: { id: e.note_id, en: e.note_en },
  }));
}
