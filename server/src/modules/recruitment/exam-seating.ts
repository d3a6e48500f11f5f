/** Seating the announced-MS applicants into exam sessions with their participant numbers (RULES.md §2.1). */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import {
  type RecruitmentRuleSet,
  accommodationExtraMinutes,
  assignSessions as seatParticipants,
  participantNumber,
} from './domain/index.ts';
import { actorOf, conflict, timelineEvent } from './application-workflow.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';
import { ruleSetFor } from './application-workflow.ts';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'files' | 'publicUrl' | 'cardSecret'>;

/** Places every published MS applicant not yet placed: balanced, within capacity, accessible sites and extra time for disabilitas. */
export async function assignSessions(ctx: Ctx, actor: Actor, periodId: string) {
  const { db, audit } = ctx;
  const event = timelineEvent(ctx.clock);
  return db.transaction().execute(async (trx) => {
    const period = await repo.period(trx, periodId);
    if (!period) throw notFound();
    const apps = await repo.unseatedEligible(trx, periodId);
    const sessions = await repo.sessionsForSeating(trx, periodId);
    if (sessions.length === 0)
      throw conflict(msg('Buat lokasi dan sesi ujian terlebih dahulu.', 'Create exam sites and sessions first.'));
    // Participant numbers are given once, in registration order, and never change:
    // formation position in the period (by code), then the applicant's order in that formation.
    const formationSeq = new Map((await repo.periodFormations(trx, periodId)).map((f, i) => [f.id, i + 1]));
    const taken = await repo.participantNumbersGiven(trx, periodId);
    // The period's position among the year's periods keeps numbers unique across periods.
    const periodCode = String((await repo.periodIdsOfYear(trx, period.year)).indexOf(periodId) + 1).padStart(2, '0');
    // RULES.md §2.1: the rule set's accommodated duration (CPNS 130 instead of 100 minutes); a
    // period stored before the rule set named it reads its type's seeded set.
    const ruleSet = period.rule_set as Partial<RecruitmentRuleSet>;
    const extraMinutes = accommodationExtraMinutes(
      ruleSet.exam ? (ruleSet as RecruitmentRuleSet) : ruleSetFor(period.year, period.type),
    );
    const participants = [];
    for (const a of apps) {
      let no = a.participant_no;
      if (!no) {
        const next = (taken.get(a.formation_id) ?? 0) + 1;
        taken.set(a.formation_id, next);
        no = participantNumber({
          year: period.year,
          periodCode,
          formationSeq: formationSeq.get(a.formation_id)!,
          applicantSeq: next,
        });
        await repo.updateApplication(trx, a.id, { participant_no: no });
      }
      const disabled = a.need_type === 'disabilitas' || Boolean((a.biodata as Profile | null)?.hasDisability);
      participants.push({
        id: a.id,
        participantNo: no,
        needsAccessibleSite: disabled,
        extraMinutes: disabled ? extraMinutes : 0,
      });
    }
    const result = seatParticipants(
      participants,
      sessions
        .map((s) => ({
          id: s.id,
          siteId: s.site_id,
          startsAt: new Date(s.starts_at).toISOString(),
          capacity: s.capacity - Number(s.taken ?? 0),
          accessible: s.accessible,
        }))
        .filter((s) => s.capacity > 0),
    );
    const seatBase = new Map(sessions.map((s) => [s.id, Number(s.max_seat ?? 0)]));
    for (const x of result.assignments) {
      await repo.insertExamAssignment(trx, {
        application_id: x.participantId,
        session_id: x.sessionId,
        seat: seatBase.get(x.sessionId)! + x.seat,
        extra_minutes: x.extraMinutes,
      });
      await event(
        trx,
        x.participantId,
        'exam_scheduled',
        msg('Jadwal ujian tersedia. Cetak kartu ujian Anda.', 'Exam schedule available. Print your exam card.'),
      );
    }
    await audit.record(trx, {
      actor: actorOf(actor),
      action: 'exam.assign_sessions',
      subjectType: 'recruitment_period',
      subjectId: periodId,
      after: { assigned: result.assignments.length, unassigned: result.unassigned.length },
    });
    return { assigned: result.assignments.length, unassigned: result.unassigned };
  });
}
