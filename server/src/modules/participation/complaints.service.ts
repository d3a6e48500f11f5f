/**
 * Complaints (pengaduan, SP4N-LAPOR! style, RULES.md §5.1): anyone files — signed in or not,
 * open, confidential (identity for the coordinator only) or anonymous (no identity kept) — and gets
 * a tracking ID to follow and answer the report without an account. The coordinator (BKPSDM admin
 * or the selection committee) verifies and disposes to an OPD within 3 working days; the OPD
 * follows up within 5; the reporter replies, reopens or accepts, and a report closes by itself 10
 * working days after a follow-up without reply. Every step is audit-logged; statistics are public.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ComplaintBody, ComplaintListQuery } from '../../../../common/contracts/participation.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate, provisionalYear } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { type HolidayCalendar, loadHolidayCalendar, loadHolidays } from '../../platform/holidays.ts';
import type { FileStore } from '../../platform/file-store.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { StepRunner } from '../../platform/process.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditActor, AuditService } from '../transparency/index.ts';
import type { Challenges } from './challenge.ts';
import { type ComplaintSla, type ComplaintStatus, complaintClock, complaintMachine, DEFAULT_SLA, dueAfter, normalizeTrackingId, onTime, onTimeByOpd, trackingIdOf } from './domain/complaints.ts';
import { DEFAULT_BANDS } from './domain/ikm.ts';
import { redactPhrase } from '../../../../common/rules/mask-personal-data.ts';
import { notInText } from './observers.service.ts';
import { presentStaffThreadEvent, presentThreadEvent, publicText } from './participation.presenter.ts';
import { participationRepository as repo } from './participation.repository.ts';

export interface ComplaintLimits {
  /** Reports per source address per hour (anonymous form); signed-in reporters count per account. */
  perSourcePerHour: number;
  /** Replies and attachments per source address per hour. */
  actionsPerSourcePerHour: number;
  attachmentsPerComplaint: number;
  attachmentMaxBytes: number;
}

export const DEFAULT_COMPLAINT_LIMITS: ComplaintLimits = { perSourcePerHour: 10, actionsPerSourcePerHour: 60, attachmentsPerComplaint: 3, attachmentMaxBytes: 2 * 1024 * 1024 };

export interface ComplaintDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  steps: StepRunner;
  files: FileStore;
  notifier: Notifier;
  identity: Pick<IdentityService, 'emailsOfAccounts'>;
  challenges: Challenges;
  limits?: Partial<ComplaintLimits>;
}

const HOUR = 3_600_000;
/** Who verifies and disposes (admin koordinator): BKPSDM's admin and the selection committee. */
export const isCoordinator = (a: Actor) => a.role === 'admin' || a.role === 'committee';
const STAFF_ROLES = new Set(['admin', 'committee', 'verifier', 'exam_admin', 'training_admin', 'supervisor', 'employee', 'proctor']);
const PUBLIC_ACTOR: AuditActor = { id: null, role: 'public' };
const actorOf = (a: Actor | null): AuditActor => (a ? { id: a.accountId, role: a.role } : PUBLIC_ACTOR);
/**
 * A reporter in the public log: never their account or role (a staff member filing a report acts
 * for themselves), at most a pseudonym of that one report (ADR 0007).
 */
const reporterActor = (a: Actor | null): AuditActor => (a ? { id: a.accountId, role: 'reporter', capacity: 'person' } : PUBLIC_ACTOR);
const tooMany = () => new AppError('TOO_MANY_REQUESTS', msg('Terlalu banyak kiriman dari jaringan ini. Coba lagi dalam satu jam.', 'Too many submissions from this network. Try again in an hour.'), { retryAfterSeconds: 3600 });

export function createComplaintsService(deps: ComplaintDeps) {
  const { db, clock, ids, audit, steps, files, notifier, challenges } = deps;
  const limits: ComplaintLimits = { ...DEFAULT_COMPLAINT_LIMITS, ...deps.limits };

  async function settings(ex: Kysely<DB> = db) {
    const row = await repo.settings(ex);
    return { sla: (row?.sla as ComplaintSla | undefined) ?? { ...DEFAULT_SLA }, bands: (row?.bands as typeof DEFAULT_BANDS | undefined) ?? DEFAULT_BANDS };
  }

  // The filing form's deadline needs the windows and the holidays on every request: both change a
  // few times a year, so they are read at most once a minute (another instance's edit shows within it).
  let cached: { at: number; sla: ComplaintSla; calendar: HolidayCalendar } | null = null;
  async function filingRules() {
    const now = clock.now().getTime();
    if (!cached || now - cached.at > 60_000 || now < cached.at) cached = { at: now, sla: (await settings()).sla, calendar: await loadHolidayCalendar(db) };
    return cached;
  }

  /** Counts a submission against its source's hourly limit, in the transaction that stores it. */
  async function throttle(trx: Kysely<DB>, key: string, max: number) {
    const now = clock.now();
    if (await repo.reserveThrottle(trx, key, max, new Date(now.getTime() - HOUR), now)) throw tooMany();
  }

  async function spend(trx: Kysely<DB>, spent: { nonce: string; expiresAt: Date } | null) {
    if (spent && !(await repo.spendChallenge(trx, spent.nonce, spent.expiresAt))) throw challengesRefusal();
  }

  const challengesRefusal = () => new AppError('VALIDATION_FAILED', msg('Pemeriksaan anti-spam ini sudah dipakai. Muat ulang formulir lalu kirim lagi.', 'This anti-spam check was already used. Reload the form and send again.'), { fields: [{ field: 'challenge', message: msg('Muat ulang formulir.', 'Reload the form.') }] });

  async function byTracking(text: string) {
    const id = normalizeTrackingId(text);
    const c = id ? await repo.complaintByTracking(db, id) : undefined;
    if (!c) throw new AppError('NOT_FOUND', msg('Nomor pelacakan tidak ditemukan. Periksa kembali nomor yang Anda terima saat melapor (contoh: PGD-7K2QM-9XHTA).', 'Tracking ID not found. Check the number you received when filing (e.g. PGD-7K2QM-9XHTA).'));
    return c;
  }

  /** The report's deadline; `provisionalYear` names the year whose holiday list is not loaded yet when the due day falls in it. */
  const clockOf = async (c: { status: ComplaintStatus; filed_on: string; disposed_on: string | null; followed_up_on: string | null }, calendar?: HolidayCalendar) => {
    const cal = calendar ?? (await loadHolidayCalendar(db));
    const at = complaintClock({ status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on }, localDate(clock.now()), cal.days, (await settings()).sla);
    return { ...at, provisionalYear: at.dueOn ? provisionalYear(at.dueOn, cal.loadedYears) : null };
  };

  /** The thread as the reporter sees it: who spoke as a role (coordinator, OPD), never a staff name. */
  const publicEvents = async (complaintId: string) =>
    (await repo.events(db, complaintId)).map(presentThreadEvent);

  let lastSweep = Number.NEGATIVE_INFINITY;
  /**
   * Closes reports whose reporter did not reply in time (10 working days after the follow-up) and
   * escalates late steps; run every ten minutes by the server (main.ts) and by the reads that show
   * deadlines, at most once a minute per instance
   * (every step it takes is idempotent, so instances running it together do no harm).
   */
  async function sweep() {
    const nowMs = clock.now().getTime();
    if (nowMs - lastSweep < 60_000 && nowMs >= lastSweep) return 0;
    lastSweep = nowMs;
    const today = localDate(clock.now());
    await escalate();
    const candidates = await repo.followedUpBefore(db, today);
    if (candidates.length === 0) return 0;
    const holidays = await loadHolidays(db);
    const { sla } = await settings();
    let closed = 0;
    for (const c of candidates) {
      if (!complaintClock({ status: 'followed_up', filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on }, today, holidays, sla).late) continue;
      await db.transaction().execute(async (trx) => {
        const fresh = await repo.lockComplaint(trx, c.id);
        if (!fresh || fresh.status !== 'followed_up' || fresh.followed_up_on !== c.followed_up_on) return;
        const now = clock.now();
        await steps(trx, { machine: complaintMachine, subject: { type: 'complaint', id: c.id, status: fresh.status }, event: 'expire', actor: { id: null, role: 'system' }, apply: (status) => repo.updateComplaint(trx, c.id, { status, closed_at: now, closed_reason: 'expired' }), audit: { action: 'complaint.expire' } });
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: c.id, kind: 'expired', author: 'system', body: `Ditutup otomatis: tidak ada tanggapan pelapor dalam ${sla.closeAfterDays} hari kerja setelah tindak lanjut.`, at: now });
        closed++;
      });
    }
    return closed;
  }

  /**
   * Warns staff once per late step (in the app and by e-mail): the coordinators when verification
   * is late, the OPD's staff and the coordinators when the follow-up is.
   */
  async function escalate() {
    const today = localDate(clock.now());
    const holidays = await loadHolidays(db);
    const { sla } = await settings();
    const late = (await repo.openComplaintDates(db)).filter((c) => c.escalated_status === null && c.status !== 'followed_up' && complaintClock({ status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on }, today, holidays, sla).late);
    for (const c of late) {
      await db.transaction().execute(async (trx) => {
        if (!(await repo.markEscalated(trx, c.id, c.status))) return;
        const who = [...(await repo.staffToWarn(trx, null)), ...(c.status === 'disposed' ? await repo.staffToWarn(trx, c.organization_id) : [])];
        const seen = new Set<string>();
        for (const s of who) {
          if (seen.has(s.id)) continue;
          seen.add(s.id);
          await notifier.notify(trx, { accountId: s.id, email: s.email_normalized, fullName: s.full_name }, {
            title: `Terlambat: laporan ${c.tracking_id}`,
            body: c.status === 'submitted' ? `Laporan "${c.title}" belum diverifikasi dan didisposisikan dalam ${sla.verifyDays} hari kerja.` : `Laporan "${c.title}" belum ditindaklanjuti OPD dalam ${sla.followUpDays} hari kerja.`,
            path: `/pengaduan/kelola/${c.id}`,
          });
        }
        await audit.record(trx, { actor: { id: null, role: 'system' }, action: 'complaint.escalate', subjectType: 'complaint', subjectId: c.id, after: { status: c.status, warned: seen.size } });
      });
    }
  }

  async function tellReporter(trx: Kysely<DB>, c: { reporter_account_id: string | null; reporter_name: string | null; tracking_id: string; title: string }, title: string, body: string) {
    if (!c.reporter_account_id) return;
    const email = (await deps.identity.emailsOfAccounts([c.reporter_account_id], trx)).get(c.reporter_account_id);
    if (email) await notifier.notify(trx, { accountId: c.reporter_account_id, email, fullName: c.reporter_name ?? '' }, { title, body, path: `/pengaduan/lacak/${c.tracking_id}` });
  }

  /** Whether a staff member may act for the OPD a report is disposed to (or is a coordinator). */
  const mayFollowUp = (actor: Actor, c: { organization_id: string | null }) => isCoordinator(actor) || (STAFF_ROLES.has(actor.role) && !!c.organization_id && actor.organizationId === c.organization_id);

  return {
    limits,
    settings,
    sweep,

    challenge: () => challenges.issue('complaint'),

    /** Files a report; anonymous callers solve the challenge and count against their source's limit. */
    async file(actor: Actor | null, body: z.infer<typeof ComplaintBody>, source: string) {
      try {
        return await this.fileChecked(actor, body, source);
      } catch (err) {
        // Floods and forged or replayed challenges are refused with nothing stored, and logged.
        if (err instanceof AppError && (err.code === 'TOO_MANY_REQUESTS' || err.details.fields?.some((f) => f.field === 'challenge'))) {
          await db.transaction().execute((trx) => audit.record(trx, { actor: reporterActor(actor), action: 'complaint.refused', subjectType: 'complaint', after: { reason: err.code === 'TOO_MANY_REQUESTS' ? 'limit' : 'challenge' } }));
        }
        throw err;
      }
    },

    async fileChecked(actor: Actor | null, body: z.infer<typeof ComplaintBody>, source: string) {
      const spent = actor ? null : challenges.check('complaint', body.challenge);
      if (body.privacy !== 'anonymous' && !actor && !body.name) {
        throw new AppError('VALIDATION_FAILED', msg('Tuliskan nama Anda, atau pilih "anonim" bila tidak ingin menyebut nama.', 'Give your name, or choose "anonymous" if you prefer not to.'), { fields: [{ field: 'name', message: msg('Nama wajib untuk laporan terbuka atau rahasia.', 'A name is required for open or confidential reports.') }] });
      }
      const now = clock.now();
      const today = localDate(now);
      const id = ids.uuid();
      const trackingId = trackingIdOf(randomBytes(10));
      const reporterName = body.privacy === 'anonymous' ? null : actor ? ((await repo.accountName(db, actor.accountId))?.full_name ?? null) : body.name;
      await db.transaction().execute(async (trx) => {
        await throttle(trx, actor ? `complaint:account:${actor.accountId}` : `complaint:ip:${source}`, limits.perSourcePerHour);
        await spend(trx, spent);
        await repo.insertComplaint(trx, {
          id, tracking_id: trackingId, kind: body.kind, category: body.category, title: body.title, body: body.body, privacy: body.privacy,
          reporter_account_id: body.privacy === 'anonymous' ? null : (actor?.accountId ?? null),
          reporter_name: reporterName,
          reporter_contact: body.privacy === 'anonymous' || actor ? null : body.contact,
          organization_id: null, status: 'submitted', filed_at: now, filed_on: today, disposed_on: null, followed_up_on: null, closed_at: null, closed_reason: null,
        });
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: id, kind: 'filed', author: 'reporter', body: '', at: now });
        // The audit log is public: it records what kind of report arrived, never who sent it or what it says.
        await audit.record(trx, { actor: body.privacy === 'anonymous' ? PUBLIC_ACTOR : reporterActor(actor), action: 'complaint.file', subjectType: 'complaint', subjectId: id, after: { kind: body.kind, category: body.category, privacy: body.privacy } });
      });
      const rules = await filingRules();
      const verificationDueOn = dueAfter(today, rules.sla.verifyDays, rules.calendar.days);
      return { trackingId, status: 'submitted' as const, verificationDueOn, provisionalYear: provisionalYear(verificationDueOn, rules.calendar.loadedYears) };
    },

    /** Adds evidence (JPG or PDF, checked by its bytes) to a report still waiting for verification. */
    async attach(trackingId: string, file: Buffer, source: string) {
      const c = await byTracking(trackingId);
      if (c.status !== 'submitted') throw new AppError('CONFLICT', msg('Lampiran hanya dapat ditambahkan sebelum laporan diverifikasi.', 'Attachments can only be added before the report is verified.'));
      const check = await checkUpload(file, { mime: ['image/jpeg', 'application/pdf'], maxBytes: limits.attachmentMaxBytes }, { label: 'lampiran' });
      if (!check.ok) {
        await db.transaction().execute((trx) => audit.record(trx, { actor: PUBLIC_ACTOR, action: 'complaint.attach.refused', subjectType: 'complaint', subjectId: c.id, after: { code: check.code } }));
        throw new AppError(check.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', check.message, { fields: [{ field: 'file', message: check.message }] });
      }
      const stored = await files.put(check.data, { contentType: check.mime });
      const id = ids.uuid();
      try {
        await db.transaction().execute(async (trx) => {
          await throttle(trx, `complaint-action:ip:${source}`, limits.actionsPerSourcePerHour);
          const locked = (await repo.lockComplaint(trx, c.id))!;
          if (locked.status !== 'submitted') throw new AppError('CONFLICT', msg('Lampiran hanya dapat ditambahkan sebelum laporan diverifikasi.', 'Attachments can only be added before the report is verified.'));
          if ((await repo.attachments(trx, c.id)).length >= limits.attachmentsPerComplaint) throw new AppError('CONFLICT', msg(`Paling banyak ${limits.attachmentsPerComplaint} lampiran per laporan.`, `At most ${limits.attachmentsPerComplaint} attachments per report.`));
          await repo.insertAttachment(trx, { id, complaint_id: c.id, file_key: stored.key, mime: check.mime, size: check.size, sha256: stored.sha256, uploaded_at: clock.now() });
          await audit.record(trx, { actor: PUBLIC_ACTOR, action: 'complaint.attach', subjectType: 'complaint', subjectId: c.id, after: { mime: check.mime, size: check.size, sha256: stored.sha256 } });
        });
      } catch (err) {
        await files.delete(stored.key);
        throw err;
      }
      return { id, mime: check.mime, size: check.size, sha256: stored.sha256 };
    },

    /** The report as its tracking ID's holder sees it: status, deadline, the thread; never the reporter's identity. */
    async track(trackingId: string) {
      await sweep();
      const c = await byTracking(trackingId);
      const org = c.organization_id ? (await repo.organizations(db)).find((o) => o.id === c.organization_id) : undefined;
      const attachments = await repo.attachments(db, c.id);
      return {
        trackingId: c.tracking_id, kind: c.kind, category: c.category, title: c.title, body: c.body, privacy: c.privacy, status: c.status,
        organization: org ? { id: org.id, name: org.name } : null,
        filedAt: new Date(c.filed_at).toISOString(),
        clock: await clockOf(c),
        reporterActions: complaintMachine.allowedEvents(c.status).filter((e) => e === 'reopen' || e === 'accept'),
        canReply: c.status !== 'closed' && c.status !== 'rejected',
        canAttach: c.status === 'submitted' && attachments.length < limits.attachmentsPerComplaint,
        attachments: attachments.map((a) => ({ mime: a.mime, size: a.size, sha256: a.sha256 })),
        events: await publicEvents(c.id),
      };
    },

    /** The reporter replies (restarting the 10-day window after a follow-up), reopens or accepts. */
    async reporterAction(trackingId: string, action: 'reply' | 'reopen' | 'accept', text: string, source: string) {
      const c = await byTracking(trackingId);
      if (action !== 'accept' && text.trim().length < 5) throw new AppError('VALIDATION_FAILED', msg('Tuliskan tanggapan Anda (paling sedikit 5 huruf).', 'Write your reply (at least 5 characters).'), { fields: [{ field: 'body', message: msg('Tanggapan terlalu pendek.', 'Reply too short.') }] });
      const now = clock.now();
      const today = localDate(now);
      await db.transaction().execute(async (trx) => {
        await throttle(trx, `complaint-action:ip:${source}`, limits.actionsPerSourcePerHour);
        const locked = (await repo.lockComplaint(trx, c.id))!;
        if (action === 'reply') {
          if (locked.status === 'closed' || locked.status === 'rejected') throw new AppError('CONFLICT', msg('Laporan ini sudah selesai; buat laporan baru bila masih ada masalah.', 'This report is finished; file a new one if the problem remains.'));
          if (locked.status === 'followed_up') await repo.updateComplaint(trx, c.id, { followed_up_on: today });
          await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: c.id, kind: 'reporter_reply', author: 'reporter', organization_id: null, body: text, at: now });
          await audit.record(trx, { actor: PUBLIC_ACTOR, action: 'complaint.reply', subjectType: 'complaint', subjectId: c.id });
          return;
        }
        const holidays = await loadHolidays(trx);
        const { sla } = await settings(trx);
        await steps(trx, {
          machine: complaintMachine, subject: { type: 'complaint', id: c.id, status: locked.status }, event: action, actor: PUBLIC_ACTOR,
          apply: async (status) => {
            if (action === 'accept') return repo.updateComplaint(trx, c.id, { status, closed_at: now, closed_reason: 'accepted' });
            await repo.updateComplaint(trx, c.id, { status, disposed_on: today, followed_up_on: null, reopen_count: locked.reopen_count + 1, escalated_status: null });
            await repo.insertStep(trx, { id: ids.uuid(), complaint_id: c.id, organization_id: locked.organization_id!, disposed_on: today, due_on: dueAfter(today, sla.followUpDays, holidays) });
          },
          audit: { action: action === 'accept' ? 'complaint.accept' : 'complaint.reopen' },
        });
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: c.id, kind: action === 'accept' ? 'accepted' : 'reopened', author: 'reporter', organization_id: null, body: text, at: now });
      });
      return this.track(trackingId);
    },

    // ── staff ──
    /** Coordinators see every report; OPD staff the reports disposed to their OPD. Late ones are flagged. */
    async list(actor: Actor, q: z.infer<typeof ComplaintListQuery>) {
      await sweep();
      const pageSize = 50;
      const scope = isCoordinator(actor) ? null : actor.organizationId;
      if (!isCoordinator(actor) && !scope) return { total: 0, page: q.page, pageSize, complaints: [] };
      const { total, rows } = await repo.listComplaints(db, { status: q.status, organizationId: scope, limit: pageSize, offset: (q.page - 1) * pageSize });
      const calendar = await loadHolidayCalendar(db);
      const list = await Promise.all(rows.map(async (c) => ({
        id: c.id, trackingId: c.tracking_id, kind: c.kind, category: c.category, title: c.title, privacy: c.privacy, status: c.status,
        organization: c.organization_id ? { id: c.organization_id, name: c.organization_name ?? c.organization_id } : null,
        filedAt: new Date(c.filed_at).toISOString(), clock: await clockOf(c, calendar),
      })));
      const filtered = q.late === undefined ? list : list.filter((c) => c.clock.late === (q.late === 'true'));
      return { total, page: q.page, pageSize, complaints: filtered };
    },

    /** One report for staff: the reporter's identity only for a coordinator and only when not confidential-to-OPD or anonymous. */
    async detail(actor: Actor, id: string) {
      const c = await repo.complaint(db, id);
      if (!c || !(isCoordinator(actor) || mayFollowUp(actor, c))) throw notFound();
      const showIdentity = c.privacy === 'open' || (c.privacy === 'confidential' && isCoordinator(actor));
      const org = c.organization_id ? (await repo.organizations(db)).find((o) => o.id === c.organization_id) : undefined;
      const attachments = await repo.attachments(db, c.id);
      const events = await repo.events(db, c.id);
      const allowed = complaintMachine.allowedEvents(c.status);
      return {
        id: c.id, trackingId: c.tracking_id, kind: c.kind, category: c.category, title: c.title, body: c.body, privacy: c.privacy, status: c.status,
        reporter: showIdentity ? { name: c.reporter_name, contact: c.reporter_contact, hasAccount: c.reporter_account_id !== null } : null,
        organization: org ? { id: org.id, name: org.name } : null,
        filedAt: new Date(c.filed_at).toISOString(), clock: await clockOf(c),
        actions: {
          dispose: isCoordinator(actor) && allowed.includes('dispose'),
          reject: isCoordinator(actor) && allowed.includes('reject'),
          followUp: mayFollowUp(actor, c) && allowed.includes('follow_up'),
        },
        attachments: attachments.map((a) => ({ id: a.id, mime: a.mime, size: a.size, sha256: a.sha256 })),
        events: events.map(presentStaffThreadEvent),
      };
    },

    /**
     * The hand-off note for forwarding a report to SP4N-LAPOR! (lapor.go.id has no API for a
     * pemda here, so the coordinator pastes it): the report, its status and deadlines and the
     * thread, with the reporter's identity only as its privacy option — the note leaves Merit.
     */
    async handoff(actor: Actor, id: string) {
      if (!isCoordinator(actor)) throw notFound();
      const c = await this.detail(actor, id);
      const privacy = { open: 'Terbuka (identitas dapat diminta ke admin koordinator BKPSDM Kota Palu)', confidential: 'Rahasia (identitas hanya pada admin koordinator)', anonymous: 'Anonim' }[c.privacy as 'open'];
      const lines = [
        'CATATAN PENERUSAN KE SP4N-LAPOR!', 'Pemerintah Kota Palu — Merit', '',
        `Nomor pelacakan Merit : ${c.trackingId}`, `Jenis                : ${c.kind}`, `Kategori             : ${c.category}`, `Identitas pelapor    : ${privacy}`,
        `Diterima             : ${c.filedAt}`, `Status               : ${c.status}`, `OPD penanggung jawab : ${c.organization?.name ?? '-'}`,
        `Batas waktu berjalan : ${c.clock.dueOn ?? '-'}${c.clock.late ? ` (terlambat ${c.clock.lateDays} hari kerja)` : ''}`, '',
        `Judul: ${c.title}`, '', c.body, '', 'Riwayat:',
        ...c.events.map((e) => `- ${e.at} ${e.kind} (${e.author}${e.organization ? `, ${e.organization}` : ''})${e.body ? `: ${e.body}` : ''}`),
        '', `Lampiran: ${c.attachments.length} berkas (SHA-256: ${c.attachments.map((a) => a.sha256).join(', ') || '-'})`,
      ];
      await db.transaction().execute((trx) => audit.record(trx, { actor: actorOf(actor), action: 'complaint.handoff', subjectType: 'complaint', subjectId: id }));
      return `${lines.join('\r\n')}\r\n`;
    },

    async attachment(actor: Actor, complaintId: string, attachmentId: string) {
      const c = await repo.complaint(db, complaintId);
      if (!c || !(isCoordinator(actor) || mayFollowUp(actor, c))) throw notFound();
      const a = (await repo.attachments(db, complaintId)).find((x) => x.id === attachmentId);
      if (!a) throw notFound();
      return { data: await files.get(a.file_key), mime: a.mime };
    },

    /** Verifies and sends a report to the responsible OPD (or moves it to another one). */
    async dispose(actor: Actor, id: string, body: { organizationId: string; note: string }) {
      if (!isCoordinator(actor)) throw notFound();
      if (!(await repo.organizationExists(db, body.organizationId))) throw new AppError('VALIDATION_FAILED', msg('Perangkat daerah tidak dikenal.', 'Unknown OPD.'), { fields: [{ field: 'organizationId', message: msg('Pilih OPD dari daftar.', 'Choose an OPD from the list.') }] });
      const now = clock.now();
      const today = localDate(now);
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockComplaint(trx, id);
        if (!c) throw notFound();
        const holidays = await loadHolidays(trx);
        const { sla } = await settings(trx);
        const dueOn = dueAfter(today, sla.followUpDays, holidays);
        await steps(trx, {
          machine: complaintMachine, subject: { type: 'complaint', id, status: c.status }, event: 'dispose', actor: actorOf(actor),
          apply: async (status) => {
            await repo.updateComplaint(trx, id, { status, organization_id: body.organizationId, disposed_on: today, escalated_status: null });
            if (c.status === 'disposed') await repo.moveOpenStep(trx, id, { organization_id: body.organizationId, disposed_on: today, due_on: dueOn });
            else await repo.insertStep(trx, { id: ids.uuid(), complaint_id: id, organization_id: body.organizationId, disposed_on: today, due_on: dueOn });
          },
          audit: { action: 'complaint.dispose', after: { organizationId: body.organizationId, dueOn } },
        });
        // The history names who acted — the verifier's own unit — not the OPD it went to (shown as the complaint's OPD).
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: id, kind: 'disposed', author: 'coordinator', author_account_id: actor.accountId, organization_id: actor.organizationId ?? null, body: body.note, at: now });
        await tellReporter(trx, c, `Laporan ${c.tracking_id} diteruskan`, `Laporan "${c.title}" sudah diverifikasi dan diteruskan ke perangkat daerah yang berwenang.`);
      });
    },

    async reject(actor: Actor, id: string, reason: string) {
      if (!isCoordinator(actor)) throw notFound();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockComplaint(trx, id);
        if (!c) throw notFound();
        await steps(trx, { machine: complaintMachine, subject: { type: 'complaint', id, status: c.status }, event: 'reject', actor: actorOf(actor), apply: (status) => repo.updateComplaint(trx, id, { status, closed_at: now, closed_reason: 'rejected' }), audit: { action: 'complaint.reject' } });
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: id, kind: 'rejected', author: 'coordinator', author_account_id: actor.accountId, body: reason, at: now });
        await tellReporter(trx, c, `Laporan ${c.tracking_id} tidak dapat diproses`, `Alasan: ${reason}`);
      });
    },

    /** The OPD's follow-up (tindak lanjut), shown to the reporter; the 10-day reply window starts. */
    async followUp(actor: Actor, id: string, text: string) {
      const now = clock.now();
      const today = localDate(now);
      await db.transaction().execute(async (trx) => {
        const c = await repo.lockComplaint(trx, id);
        if (!c || !mayFollowUp(actor, c)) throw notFound();
        await steps(trx, {
          machine: complaintMachine, subject: { type: 'complaint', id, status: c.status }, event: 'follow_up', actor: actorOf(actor),
          apply: async (status) => {
            await repo.updateComplaint(trx, id, { status, followed_up_on: today, escalated_status: null });
            await repo.closeOpenStep(trx, id, today);
          },
          audit: { action: 'complaint.follow_up', after: { organizationId: c.organization_id } },
        });
        await repo.insertEvent(trx, { id: ids.uuid(), complaint_id: id, kind: 'follow_up', author: 'opd', author_account_id: actor.accountId, organization_id: c.organization_id, body: text, at: now });
        await tellReporter(trx, c, `Tindak lanjut laporan ${c.tracking_id}`, `Perangkat daerah telah menindaklanjuti laporan "${c.title}". Tanggapi, buka kembali atau nyatakan selesai lewat halaman pelacakan.`);
      });
    },

    /**
     * The coordinator takes a name out of a coordinator's or OPD's entry as the tracking page shows
     * it: every occurrence becomes "[disamarkan]"; staff keep the original. Audited without the name.
     */
    async redactEvent(actor: Actor, complaintId: string, eventId: string, phrase: string) {
      if (!isCoordinator(actor)) throw notFound();
      return db.transaction().execute(async (trx) => {
        const e = await repo.lockEvent(trx, complaintId, eventId);
        if (!e) throw notFound();
        if (e.author !== 'coordinator' && e.author !== 'opd') throw new AppError('CONFLICT', msg('Hanya catatan koordinator atau OPD yang disamarkan; tulisan pelapor tetap miliknya.', 'Only coordinator or OPD entries are redacted; the reporter\'s own text stays theirs.'));
        const r = redactPhrase(publicText(e.body, e.body_public), phrase);
        if (r.count === 0) throw notInText();
        await repo.setEventPublicBody(trx, eventId, r.text);
        await audit.record(trx, { actor: actorOf(actor), action: 'complaint.event.redact', subjectType: 'complaint', subjectId: complaintId, after: { eventId, replaced: r.count } });
        return { publicText: r.text, count: r.count };
      });
    },

    /**
     * Public statistics: reports per category and status, the coordinator's on-time verification
     * share, each OPD's on-time follow-up share, and how many open reports are late now.
     */
    async statistics() {
      await sweep();
      const [counts, steps_, verifications, open, orgs, holidays, { sla }] = await Promise.all([repo.countsByCategory(db), repo.steps(db), repo.verifications(db), repo.openComplaintDates(db), repo.organizations(db), loadHolidays(db), settings()]);
      const today = localDate(clock.now());
      const names = new Map(orgs.map((o) => [o.id, o.name]));
      const byCategory = new Map<string, { category: string; total: number; byStatus: Record<string, number> }>();
      for (const r of counts) {
        const row = byCategory.get(r.category) ?? { category: r.category, total: 0, byStatus: {} };
        row.total += Number(r.n);
        row.byStatus[r.status] = (row.byStatus[r.status] ?? 0) + Number(r.n);
        byCategory.set(r.category, row);
      }
      const verified = verifications.filter((v) => v.verified_at !== null);
      const verifiedOnTime = verified.filter((v) => onTime(v.filed_on, localDate(new Date(v.verified_at!)), sla.verifyDays, holidays)).length;
      const lateNow = open.filter((c) => complaintClock({ status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on }, today, holidays, sla).late && c.status !== 'followed_up').length;
      return {
        updatedAt: clock.now().toISOString(),
        sla,
        total: [...byCategory.values()].reduce((a, r) => a + r.total, 0),
        byCategory: [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)),
        verification: { verified: verified.length, onTime: verifiedOnTime, percent: verified.length === 0 ? null : Math.round((100 * verifiedOnTime) / verified.length) },
        lateNow,
        byOrganization: onTimeByOpd(steps_.map((s) => ({ organizationId: s.organization_id, disposedOn: s.disposed_on, followedUpOn: s.followed_up_on })), today, holidays, sla).map((r) => ({ ...r, name: names.get(r.organizationId) ?? r.organizationId })),
      };
    },

    async saveSla(actor: Actor, sla: ComplaintSla) {
      await db.transaction().execute(async (trx) => {
        const current = await settings(trx);
        await repo.saveSettings(trx, { sla: JSON.stringify(sla), bands: JSON.stringify(current.bands), updated_at: clock.now() });
        await audit.record(trx, { actor: actorOf(actor), action: 'participation.sla', subjectType: 'participation_settings', subjectId: 'default', before: current.sla, after: sla });
      });
      cached = null;
      return sla;
    },
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
