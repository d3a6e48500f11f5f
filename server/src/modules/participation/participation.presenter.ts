/**
 * Participation rows → contracts (whitelists): a field leaves only when it is named here. No
 * reporter identity, no observer's account, no storage key leaves unnamed.
 */
import type { z } from 'zod';
import type {
  Accreditation,
  Finding,
  Forum,
  ForumAction,
  StaffThreadEvent,
  ThreadEvent,
} from '../../../../common/contracts/participation.ts';
import { dayNumber } from '../../../../common/rules/calendar.ts';
import { maskPersonalData } from '../../../../common/rules/mask-personal-data.ts';
import type { participationRepository as repo } from './participation.repository.ts';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
const iso = (d: Date | string) => new Date(d).toISOString();

/** The contact person only for the committee; `active` by today's date (WITA). */
export const presentAccreditation = (
  a: Rows<typeof repo.accreditations>[number],
  opts: { forCommittee: boolean; today: string },
): z.infer<typeof Accreditation> => ({
  id: a.id,
  periodId: a.period_id,
  periodName: a.period_name,
  organizationName: a.organization_name,
  organizationKind: a.organization_kind,
  contactPerson: opts.forCommittee ? a.contact_person : null,
  letter: { size: a.letter_size, sha256: a.letter_sha256 },
  status: a.status,
  reason: a.reason,
  expiresOn: a.expires_on,
  active: a.status === 'approved' && !!a.expires_on && dayNumber(a.expires_on) >= dayNumber(opts.today),
  createdAt: iso(a.created_at),
  decidedAt: a.decided_at ? iso(a.decided_at) : null,
});

/**
 * What the public reads of a text staff wrote: the coordinator's redacted version when there is
 * one, else the original with NIK, NIP, mobile numbers and e-mail addresses masked (issue 23 §7).
 */
export const publicText = (original: string, redacted: string | null) => redacted ?? maskPersonalData(original);

/** Entries written by staff (coordinator, OPD) are public in their public version; the reporter's own stay theirs. */
const staffWritten = (author: string) => author === 'coordinator' || author === 'opd';

/** Late: answered after its due day, or still open past it. */
export const presentFinding = (f: Rows<typeof repo.findings>[number], today: string): z.infer<typeof Finding> => ({
  id: f.id,
  periodId: f.period_id,
  periodName: f.period_name,
  organizationName: f.organization_name,
  stage: f.stage,
  title: f.title,
  body: f.body,
  hasEvidence: f.evidence_key !== null,
  status: f.status,
  filedOn: f.filed_on,
  dueOn: f.due_on,
  answer: f.answer,
  answeredOn: f.answered_on,
  publicAnswer: f.answer === null ? null : publicText(f.answer, f.answer_public),
  late: f.answered_on ? dayNumber(f.answered_on) > dayNumber(f.due_on) : dayNumber(today) > dayNumber(f.due_on),
});

/** A complaint's thread: who spoke as a role, never a staff member's name or account. */
export const presentThreadEvent = (e: Rows<typeof repo.events>[number]): z.infer<typeof ThreadEvent> => ({
  kind: e.kind,
  author: e.author,
  organization: e.organization_name,
  body: staffWritten(e.author) ? publicText(e.body, e.body_public) : e.body,
  at: iso(e.at),
});

/** The thread for staff: the original text, and the public version of a coordinator's or OPD's entry. */
export const presentStaffThreadEvent = (e: Rows<typeof repo.events>[number]): z.infer<typeof StaffThreadEvent> => ({
  id: e.id,
  kind: e.kind,
  author: e.author,
  organization: e.organization_name,
  body: e.body,
  publicBody: staffWritten(e.author) ? publicText(e.body, e.body_public) : null,
  at: iso(e.at),
});

export const presentForum = (f: NonNullable<Rows<typeof repo.forum>>): z.infer<typeof Forum> => ({
  id: f.id,
  title: f.title,
  topic: f.topic,
  agenda: f.agenda,
  heldAt: iso(f.held_at),
  venue: f.venue,
  mode: f.mode,
  capacity: f.capacity,
  registered: Number(f.registered ?? 0),
  seatsLeft: Math.max(0, f.capacity - Number(f.registered ?? 0)),
  status: f.status,
  minutes: f.minutes,
});

export const presentForumAction = (
  a: Rows<typeof repo.actions>[number],
  today: string,
): z.infer<typeof ForumAction> => ({
  id: a.id,
  description: a.description,
  owner: a.owner,
  dueOn: a.due_on,
  status: a.status,
  doneAt: a.done_at ? iso(a.done_at) : null,
  doneNote: a.done_note,
  late: a.status === 'open' && dayNumber(today) > dayNumber(a.due_on),
});
