/**
 * The exam's schedule for a period (RULES.md §2.1): sites and sessions, seating every announced-MS
 * applicant (balanced, within capacity, accessible sites and the rule set's extra time for
 * disabilitas), participant numbers, and the exam card (PDF).
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Profile } from '../../../../common/contracts/recruitment.ts';
import { formatWitaDate, formatWitaTime } from '../../../../common/rules/wita.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { renderExamCard } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type RecruitmentRuleSet, accommodationExtraMinutes, assignSessions, participantNumber } from './domain/index.ts';
import { actorOf, conflict, timelineEvent } from './application-workflow.ts';
import { recruitmentRepository as repo } from './recruitment.repository.ts';
import { cardLinks, ruleSetFor } from './application-workflow.ts';

export interface ExamScheduleDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  files: FileStore;
  publicUrl: string;
  cardSecret: string;
}

export function createExamScheduleService(deps: ExamScheduleDeps) {
  const { db, clock, ids, audit, files } = deps;
  const event = timelineEvent(clock);

  return {
    async createSite(actor: Actor, periodId: string, body: { name: string; address: string; accessible: boolean }) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.period(trx, periodId))) throw notFound();
        await repo.insertExamSite(trx, { id, period_id: periodId, ...body });
        await audit.record(trx, { actor: actorOf(actor), action: 'exam_site.create', subjectType: 'exam_site', subjectId: id, after: body });
      });
      return { id, ...body };
    },

    async createSession(actor: Actor, siteId: string, body: { startsAt: string; durationMinutes: number; capacity: number }) {
      const id = ids.uuid();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.examSiteExists(trx, siteId))) throw notFound();
        await repo.insertExamSession(trx, { id, site_id: siteId, starts_at: new Date(body.startsAt), duration_minutes: body.durationMinutes, capacity: body.capacity });
        await audit.record(trx, { actor: actorOf(actor), action: 'exam_session.create', subjectType: 'exam_session', subjectId: id, after: body });
      });
      return { id, siteId, ...body };
    },

    async schedule(periodId: string) {
      const sites = await repo.examSites(db, periodId);
      const sessions = await repo.examSessionsOf(db, sites.map((s) => s.id));
      return sites.map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        accessible: s.accessible,
        sessions: sessions.filter((x) => x.site_id === s.id).map((x) => ({ id: x.id, startsAt: new Date(x.starts_at).toISOString(), durationMinutes: x.duration_minutes, capacity: x.capacity, assigned: Number(x.assigned ?? 0) })),
      }));
    },

    /** Where and when these exam sessions run (for other modules' pages, e.g. the ranking's score sources). */
    async sessionPlaces(sessionIds: string[]) {
      return (await repo.sessionPlaces(db, sessionIds)).map((r) => ({ id: r.id, siteName: r.name, startsAt: new Date(r.starts_at).toISOString() }));
    },

    /** Places every published MS applicant not yet placed: balanced, within capacity, accessible sites and extra time for disabilitas. */
    async assignSessions(actor: Actor, periodId: string) {
      return db.transaction().execute(async (trx) => {
        const period = await repo.period(trx, periodId);
        if (!period) throw notFound();
        const apps = await repo.unseatedEligible(trx, periodId);
        const sessions = await repo.sessionsForSeating(trx, periodId);
        if (sessions.length === 0) throw conflict(msg('Buat lokasi dan sesi ujian terlebih dahulu.', 'Create exam sites and sessions first.'));
        // Participant numbers are given once, in registration order, and never change:
        // formation position in the period (by code), then the applicant's order in that formation.
        const formationSeq = new Map((await repo.periodFormations(trx, periodId)).map((f, i) => [f.id, i + 1]));
        const taken = await repo.participantNumbersGiven(trx, periodId);
        // The period's position among the year's periods keeps numbers unique across periods.
        const periodCode = String((await repo.periodIdsOfYear(trx, period.year)).indexOf(periodId) + 1).padStart(2, '0');
        // RULES.md §2.1: the rule set's accommodated duration (CPNS 130 instead of 100 minutes); a
        // period stored before the rule set named it reads its type's seeded set.
        const ruleSet = period.rule_set as Partial<RecruitmentRuleSet>;
        const extraMinutes = accommodationExtraMinutes(ruleSet.exam ? (ruleSet as RecruitmentRuleSet) : ruleSetFor(period.year, period.type));
        const participants = [];
        for (const a of apps) {
          let no = a.participant_no;
          if (!no) {
            const next = (taken.get(a.formation_id) ?? 0) + 1;
            taken.set(a.formation_id, next);
            no = participantNumber({ year: period.year, periodCode, formationSeq: formationSeq.get(a.formation_id)!, applicantSeq: next });
            await repo.updateApplication(trx, a.id, { participant_no: no });
          }
          const disabled = a.need_type === 'disabilitas' || Boolean((a.biodata as Profile | null)?.hasDisability);
          participants.push({ id: a.id, participantNo: no, needsAccessibleSite: disabled, extraMinutes: disabled ? extraMinutes : 0 });
        }
        const result = assignSessions(
          participants,
          sessions.map((s) => ({ id: s.id, siteId: s.site_id, startsAt: new Date(s.starts_at).toISOString(), capacity: s.capacity - Number(s.taken ?? 0), accessible: s.accessible })).filter((s) => s.capacity > 0),
        );
        const seatBase = new Map(sessions.map((s) => [s.id, Number(s.max_seat ?? 0)]));
        for (const x of result.assignments) {
          await repo.insertExamAssignment(trx, { application_id: x.participantId, session_id: x.sessionId, seat: seatBase.get(x.sessionId)! + x.seat, extra_minutes: x.extraMinutes });
          await event(trx, x.participantId, 'exam_scheduled', msg('Jadwal ujian tersedia. Cetak kartu ujian Anda.', 'Exam schedule available. Print your exam card.'));
        }
        await audit.record(trx, { actor: actorOf(actor), action: 'exam.assign_sessions', subjectType: 'recruitment_period', subjectId: periodId, after: { assigned: result.assignments.length, unassigned: result.unassigned.length } });
        return { assigned: result.assignments.length, unassigned: result.unassigned };
      });
    },

    /** The participant's exam card (PDF) with the seat, the time in WITA and the signed QR link. */
    async examCard(actor: Actor, id: string) {
      const a = await repo.applicationOf(db, actor.accountId, id);
      if (!a) throw notFound();
      const seat = await repo.examSeat(db, id);
      if (!seat || !a.participant_no) throw conflict(msg('Kartu ujian tersedia setelah panitia menerbitkan jadwal ujian.', 'The exam card is available once the committee publishes the schedule.'));
      const [formation, period, account, photo] = await Promise.all([
        repo.formation(db, a.formation_id),
        repo.period(db, a.period_id),
        repo.accountName(db, a.applicant_id),
        repo.document(db, id, 'pas_foto'),
      ]);
      const starts = new Date(seat.starts_at);
      const end = new Date(starts.getTime() + (seat.duration_minutes + seat.extra_minutes) * 60_000);
      return renderExamCard({
        periodName: period!.name,
        participantNo: a.participant_no,
        fullName: ((a.biodata as Profile | null)?.nameOnIjazah ?? account.full_name),
        formation: { jabatan: formation!.jabatan, organizationName: formation!.organization_name, needType: formation!.need_type, educationLevel: formation!.education_levels.join('/') },
        session: { dateText: formatWitaDate(starts), timeText: `${formatWitaTime(starts)}–${formatWitaTime(end)} WITA`, siteName: seat.name, siteAddress: seat.address, seat: String(seat.seat) },
        ...(seat.extra_minutes > 0 ? { extraTimeText: `Tambahan waktu ${seat.extra_minutes} menit (akomodasi disabilitas)` } : {}),
        ...(photo ? { photoJpeg: await files.get(photo.file_key) } : {}),
        verifyUrl: `${deps.publicUrl}/kartu/${a.registration_no}?s=${cardLinks(deps.cardSecret).sign(a.registration_no)}`,
        // The card prints BKN's standing rules itself; Palu adds none for now.
        rules: [],
      });
    },
  };
}

export type ExamScheduleService = ReturnType<typeof createExamScheduleService>;
