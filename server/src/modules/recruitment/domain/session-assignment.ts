/**
 * Assigns exam participants to CAT sessions and seats for the exam card (RULES.md §1.8: the card
 * shows lokasi, tanggal, sesi). Deterministic and pure: the same input always yields the same card,
 * so re-running after a crash or on another instance prints identical seats.
 */

export interface SessionParticipant {
  id: string;
  participantNo: string;
  needsAccessibleSite: boolean;
  /** Extra exam minutes, e.g. 30 for disability accommodation (100 → 130 min, RULES.md §2.1). */
  extraMinutes: number;
}

export interface ExamSession {
  id: string;
  siteId: string;
  /** ISO 8601 instant. */
  startsAt: string;
  capacity: number;
  accessible: boolean;
}

export interface SeatAssignment {
  participantId: string;
  sessionId: string;
  seat: number;
  extraMinutes: number;
}

export type UnassignedReason = 'no_capacity' | 'no_accessible_capacity';

export interface SessionAssignmentResult {
  /** In participantNo order. */
  assignments: SeatAssignment[];
  /** In participantNo order. */
  unassigned: { participantId: string; reason: UnassignedReason }[];
}

// Code-unit comparison, not localeCompare: the order must not depend on the server's ICU locale.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Slot {
  session: ExamSession;
  startMs: number;
  members: SessionParticipant[];
}

/** Lower fill ratio first (compared exactly as cross-products of integers), then startsAt, then id. */
function before(a: Slot, b: Slot): boolean {
  const lhs = a.members.length * b.session.capacity;
  const rhs = b.members.length * a.session.capacity;
  if (lhs !== rhs) return lhs < rhs;
  if (a.startMs !== b.startMs) return a.startMs < b.startMs;
  return a.session.id < b.session.id;
}

function pick(slots: readonly Slot[], allowed: (s: Slot) => boolean): Slot | null {
  let best: Slot | null = null;
  for (const s of slots) {
    if (s.members.length >= s.session.capacity || !allowed(s)) continue;
    if (best === null || before(s, best)) best = s;
  }
  return best;
}

/**
 * Places participants into sessions. Invariants: no session exceeds its capacity; each participant
 * appears at most once (in `assignments` or `unassigned`); participants who need an accessible site
 * are placed first and only in accessible sessions; everyone is placed, in participantNo order, into
 * the session with the lowest fill ratio (ties: earlier startsAt, then id), so sessions of equal
 * capacity differ by at most one seat when nothing else constrains them; seats run 1..n within a
 * session in participantNo order. Throws RangeError on duplicate ids, an unparsable startsAt, or a
 * capacity/extraMinutes that is not a non-negative integer.
 */
export function assignSessions(
  participants: readonly SessionParticipant[],
  sessions: readonly ExamSession[],
): SessionAssignmentResult {
  const seenP = new Set<string>();
  for (const p of participants) {
    if (seenP.has(p.id)) throw new RangeError(`duplicate participant id ${p.id}`);
    seenP.add(p.id);
    if (!Number.isInteger(p.extraMinutes) || p.extraMinutes < 0)
      throw new RangeError(`extraMinutes of ${p.id} must be a non-negative integer`);
  }
  const seenS = new Set<string>();
  const slots: Slot[] = sessions.map((session) => {
    if (seenS.has(session.id)) throw new RangeError(`duplicate session id ${session.id}`);
    seenS.add(session.id);
    if (!Number.isInteger(session.capacity) || session.capacity < 0)
      throw new RangeError(`capacity of ${session.id} must be a non-negative integer`);
    const startMs = Date.parse(session.startsAt);
    if (Number.isNaN(startMs))
      throw new RangeError(`startsAt of ${session.id} is not an ISO instant: ${session.startsAt}`);
    return { session, startMs, members: [] };
  });
  slots.sort((a, b) => a.startMs - b.startMs || cmp(a.session.id, b.session.id));

  const ordered = [...participants].sort((a, b) => cmp(a.participantNo, b.participantNo) || cmp(a.id, b.id));
  const placed = new Map<string, Slot>();
  const reasons = new Map<string, UnassignedReason>();

  for (const p of ordered) {
    if (!p.needsAccessibleSite) continue;
    const slot = pick(slots, (s) => s.session.accessible);
    if (slot) {
      slot.members.push(p);
      placed.set(p.id, slot);
    } else {
      reasons.set(p.id, 'no_accessible_capacity');
    }
  }
  for (const p of ordered) {
    if (p.needsAccessibleSite) continue;
    const slot = pick(slots, () => true);
    if (slot) {
      slot.members.push(p);
      placed.set(p.id, slot);
    } else {
      reasons.set(p.id, 'no_capacity');
    }
  }

  const seatOf = new Map<string, number>();
  for (const slot of slots) {
    slot.members.sort((a, b) => cmp(a.participantNo, b.participantNo) || cmp(a.id, b.id));
    slot.members.forEach((p, i) => seatOf.set(p.id, i + 1));
  }

  const assignments: SeatAssignment[] = [];
  const unassigned: SessionAssignmentResult['unassigned'] = [];
  for (const p of ordered) {
    const slot = placed.get(p.id);
    if (slot) {
      assignments.push({
        participantId: p.id,
        sessionId: slot.session.id,
        seat: seatOf.get(p.id) ?? 0,
        extraMinutes: p.extraMinutes,
      });
    } else {
      unassigned.push({ participantId: p.id, reason: reasons.get(p.id) ?? 'no_capacity' });
    }
  }
  return { assignments, unassigned };
}
