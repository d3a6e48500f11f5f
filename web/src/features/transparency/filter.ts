/**
 * The public audit log in the browser: filters (area, role, Palu dates, text) and the CSV of what
 * is shown. Pure, so the rules are tested without a page.
 */
import { localDate } from '../../../../common/rules/calendar.ts';
import { csvText } from '../../../../common/rules/csv.ts';
import type { AuditEvent } from './api.ts';

export interface AuditFilter {
  /** The action's first segment (`account`, `document`, `cat` …), or '' for all. */
  area: string;
  /** The actor's role, `system`, or '' for all. */
  role: string;
  /** Palu calendar days, `YYYY-MM-DD`, inclusive; '' for open. */
  from: string;
  to: string;
  /** Matched against the action code, subject type and id. */
  text: string;
}

export const NO_FILTER: AuditFilter = { area: '', role: '', from: '', to: '', text: '' };

/** The WITA (UTC+8) calendar day of an instant. */
export const witaDay = (iso: string) => localDate(new Date(iso));

export const areaOf = (action: string) => action.split('.')[0] ?? action;

export function filterEvents(events: readonly AuditEvent[], f: AuditFilter): AuditEvent[] {
  const text = f.text.trim().toLowerCase();
  return events.filter((e) => {
    if (f.area && areaOf(e.action) !== f.area) return false;
    if (f.role && (e.actorRole ?? 'system') !== f.role) return false;
    const day = witaDay(e.occurredAt);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (text && !`${e.action} ${e.subjectType} ${e.subjectId ?? ''}`.toLowerCase().includes(text)) return false;
    return true;
  });
}

/** The events as CSV (UTF-8 with BOM for Excel), with every field the public API gives. */
export function eventsCsv(events: readonly AuditEvent[]): string {
  const cols = [
    'seq',
    'occurred_at',
    'actor_role',
    'action',
    'subject_type',
    'subject_id',
    'before_digest',
    'after_digest',
    'prev_hash',
    'hash',
  ] as const;
  const rows = events.map((e) => [
    e.seq,
    e.occurredAt,
    e.actorRole ?? 'system',
    e.action,
    e.subjectType,
    e.subjectId,
    e.beforeDigest,
    e.afterDigest,
    e.prevHash,
    e.hash,
  ]);
  return csvText(cols, rows, { bom: true, alwaysQuote: true });
}
