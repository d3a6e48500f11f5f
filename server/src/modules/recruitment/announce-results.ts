/**
 * Announcing administration results (RULES.md §1.6–1.8): a committee member proposes, another
 * approves (two-person rule); publishing tells each applicant their MS/TMS with the reasons and
 * opens the sanggah window; the re-announcement publishes the sanggah outcomes.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { addDays, localDate, windowEndInstant } from '../../../../common/rules/calendar.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { Executor } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { ANOTHER_COMMITTEE_MEMBER, assertSecondPerson } from '../../platform/approvals.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { type RecruitmentRuleSet, tmsReasonLabel } from './domain/index.ts';
import { actorOf, conflict, notifyApplicant, timelineEvent } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'notifier' | 'queue'>;

/** The TMS reasons of a file, one line each, as the applicant's notice lists them. */
async function tmsSummary(ex: Executor, applicationId: string, reasons: unknown) {
  const docs = (await repo.documents(ex, applicationId)).filter((d) => d.verdict === 'tms');
  const lines = docs.map(
    (d) =>
      `- ${d.kind}: ${tmsReasonLabel(d.reason_code)?.id ?? d.reason_code ?? ''}${d.reason_text ? ` — ${d.reason_text}` : ''}`,
  );
  const extra = Array.isArray(reasons)
    ? (reasons as { code: string | null; text: string | null }[]).map(
        (r) => `- ${tmsReasonLabel(r.code)?.id ?? r.code ?? ''}${r.text ? ` — ${r.text}` : ''}`,
      )
    : [];
  return [...lines, ...extra].join('\n');
}

/** A period's announcements, newest proposals included, with their MS/TMS counts once published. */
export async function announcements(ctx: Ctx, periodId: string) {
  const { db } = ctx;
  return (await repo.announcements(db, periodId)).map((x) => ({
    id: x.id,
    stage: x.stage,
    status: x.status,
    proposedBy: x.proposed_by,
    proposedAt: new Date(x.proposed_at).toISOString(),
    decidedBy: x.decided_by,
    decidedAt: x.decided_at ? new Date(x.decided_at).toISOString() : null,
    note: x.note,
    summary: x.summary as { ms: number; tms: number } | null,
  }));
}

/** A committee member proposes publishing a stage; every file must be reviewed first. */
export async function proposeAnnouncement(
  ctx: Ctx,
  actor: Actor,
  periodId: string,
  body: { stage: 'administration' | 'reannouncement'; note: string | null },
) {
  const { db, clock, ids, audit } = ctx;
  return db.transaction().execute(async (trx) => {
    if (!(await repo.period(trx, periodId))) throw notFound();
    if (await repo.hasPendingAnnouncement(trx, periodId))
      throw conflict(
        msg('Masih ada usulan pengumuman yang menunggu persetujuan.', 'Another announcement is awaiting approval.'),
      );
    if (body.stage === 'administration') {
      const open = await repo.countSubmitted(trx, periodId);
      if (open > 0)
        throw conflict(
          msg(
            `${open} berkas belum selesai diverifikasi dan ditinjau.`,
            `${open} files are not yet verified and reviewed.`,
          ),
        );
    } else {
      const open = await repo.countOpenObjections(trx, periodId);
      if (open > 0) throw conflict(msg(`${open} sanggah belum dijawab.`, `${open} objections are unanswered.`));
    }
    const id = ids.uuid();
    await repo.insertAnnouncement(trx, {
      id,
      period_id: periodId,
      stage: body.stage,
      status: 'proposed',
      proposed_by: actor.accountId,
      proposed_at: clock.now(),
      note: body.note,
    });
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'announcement.propose',
      subjectType: 'announcement',
      subjectId: id,
      after: body,
    });
    return { id };
  });
}

type Announcement = NonNullable<Awaited<ReturnType<typeof repo.lockAnnouncement>>>;
type Target = Awaited<ReturnType<typeof repo.unannouncedVerdicts>>[number];
type TimelineEvent = ReturnType<typeof timelineEvent>;

/** Records a rejected proposal: nothing is published. */
async function rejectAnnouncement(
  ctx: Ctx,
  trx: Executor,
  actor: Actor,
  announcementId: string,
  note: string | null,
  now: Date,
) {
  await repo.updateAnnouncement(trx, announcementId, {
    status: 'rejected',
    decided_by: actor.accountId,
    decided_at: now,
    note,
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'announcement.reject',
    subjectType: 'announcement',
    subjectId: announcementId,
  });
  return { published: 0 };
}

/** Publishes one file's result (timeline + notice); a rejected sanggah only tells the final TMS. */
async function announceResult(
  ctx: Ctx,
  trx: Executor,
  event: TimelineEvent,
  stage: Announcement['stage'],
  a: Target,
  now: Date,
  objectionEnd: Date,
) {
  const { notifier } = ctx;
  const result = a.status === 'ms' ? 'ms' : 'tms';
  if (stage === 'reannouncement' && result === 'tms') {
    // A rejected sanggah: the TMS stands; the applicant is told the final answer.
    await event(
      trx,
      a.id,
      'tms_final',
      msg('Hasil pasca sanggah: tetap Tidak Memenuhi Syarat (TMS).', 'After objection: still Not Eligible (TMS).'),
    );
    await notifyApplicant(
      trx,
      notifier,
      a.applicant_id,
      'Pengumuman pasca sanggah',
      'Sanggah Anda telah dijawab. Hasil administrasi Anda tetap TMS. Lihat jawaban panitia di Merit.',
    );
    return result;
  }
  await repo.updateApplication(trx, a.id, { published_result: result, published_at: now, updated_at: now });
  if (result === 'ms') {
    await event(
      trx,
      a.id,
      'ms',
      msg(
        'Hasil seleksi administrasi: Memenuhi Syarat (MS). Tunggu jadwal ujian dan cetak kartu ujian.',
        'Administrative result: Eligible (MS). Wait for the exam schedule and print your exam card.',
      ),
    );
    await notifyApplicant(
      trx,
      notifier,
      a.applicant_id,
      'Hasil seleksi administrasi: MS',
      'Selamat, Anda dinyatakan Memenuhi Syarat (MS) administrasi. Jadwal dan kartu ujian akan tersedia di Merit.',
    );
  } else {
    const reasons = await tmsSummary(trx, a.id, a.proposed_reasons);
    const until = formatWitaDateTime(objectionEnd);
    await event(
      trx,
      a.id,
      'tms',
      msg(
        `Hasil seleksi administrasi: Tidak Memenuhi Syarat (TMS).\n${reasons}\nAnda dapat mengajukan sanggah satu kali sampai ${until}.`,
        `Administrative result: Not Eligible (TMS).\n${reasons}\nYou may file one objection until ${until}.`,
      ),
    );
    await notifyApplicant(
      trx,
      notifier,
      a.applicant_id,
      'Hasil seleksi administrasi: TMS',
      `Anda dinyatakan Tidak Memenuhi Syarat (TMS) dengan alasan:\n${reasons}\n\nJika menurut Anda verifikator keliru, ajukan sanggah satu kali di Merit sampai ${until}. Sanggah bukan untuk mengganti dokumen yang salah unggah.`,
    );
  }
  return result;
}

/** Publishes an approved announcement: every target is told its result, the sanggah window opens. */
async function publishAnnouncement(
  ctx: Ctx,
  trx: Executor,
  event: TimelineEvent,
  actor: Actor,
  ann: Announcement,
  note: string | null,
  now: Date,
) {
  const period = (await repo.period(trx, ann.period_id))!;
  const ruleSet = period.rule_set as RecruitmentRuleSet;
  // Which results change: every reviewed file (administration), or the sanggah outcomes.
  const targets =
    ann.stage === 'administration'
      ? await repo.unannouncedVerdicts(trx, ann.period_id)
      : await repo.unannouncedObjectionOutcomes(trx, ann.period_id);
  const holidays = await loadHolidays(trx);
  const lastDay = addDays(localDate(now), ruleSet.sanggah.days, ruleSet.sanggah.mode, holidays);
  const objectionEnd = windowEndInstant(lastDay);
  let ms = 0;
  let tms = 0;
  for (const a of targets) {
    if ((await announceResult(ctx, trx, event, ann.stage, a, now, objectionEnd)) === 'ms') ms++;
    else tms++;
  }
  if (ann.stage === 'reannouncement' && targets.length > 0)
    await repo.markObjectionsAnnounced(
      trx,
      targets.map((t) => t.id),
      now,
    );
  if (ann.stage === 'administration') {
    const stages = {
      ...period.stages,
      objection: period.stages.objection ?? { start: now.toISOString(), end: objectionEnd.toISOString() },
    };
    await repo.updatePeriod(trx, period.id, { stages: JSON.stringify(stages), updated_at: now });
  }
  await repo.updateAnnouncement(trx, ann.id, {
    status: 'published',
    decided_by: actor.accountId,
    decided_at: now,
    note: note ?? ann.note,
    summary: JSON.stringify({ ms, tms }),
  });
  await ctx.audit.record(trx, {
    actor: actorOf(actor),
    action: 'announcement.publish',
    subjectType: 'announcement',
    subjectId: ann.id,
    after: { stage: ann.stage, ms, tms },
  });
  return { published: targets.length };
}

/** Another committee member approves (publishes: applicants are notified with reasons) or rejects. */
export async function decideAnnouncement(
  ctx: Ctx,
  actor: Actor,
  announcementId: string,
  body: { approve: boolean; note: string | null },
) {
  const { db, clock, queue } = ctx;
  const event = timelineEvent(ctx.clock);
  queue.invalidate(); // this instance's queue counts change with it
  return db.transaction().execute(async (trx) => {
    const ann = await repo.lockAnnouncement(trx, announcementId);
    if (!ann) throw notFound();
    assertSecondPerson(ann, actor.accountId, ANOTHER_COMMITTEE_MEMBER);
    const now = clock.now();
    if (!body.approve) return rejectAnnouncement(ctx, trx, actor, announcementId, body.note, now);
    return publishAnnouncement(ctx, trx, event, actor, ann, body.note, now);
  });
}
