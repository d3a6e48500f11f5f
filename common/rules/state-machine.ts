/**
 * State machines as data: a transition table and the refusal each impossible move gets. Every
 * module's life cycle (application, enrolment, SKP plan, finding, complaint) is one of these, and
 * the server's process step (server/src/platform/process.ts) is the only way a status changes.
 */
import type { Msg } from '../contracts/messages.ts';

export type TransitionResult<S extends string> = { ok: true; status: S } | { ok: false; error: Msg };

export interface StateMachine<S extends string, E extends string> {
  readonly statuses: readonly S[];
  readonly events: readonly E[];
  /** The status after `event`, or the refusal; total over every (status, event) pair, never mutates. */
  transition(status: S, event: E): TransitionResult<S>;
  /** The events allowed from a status, in `events` order (for showing only the buttons that work). */
  allowedEvents(status: S): E[];
  /** Whether no event can change the status any more. */
  isTerminal(status: S): boolean;
}

export function defineStateMachine<S extends string, E extends string>(def: {
  statuses: readonly S[];
  events: readonly E[];
  transitions: Readonly<Record<S, Partial<Record<E, S>>>>;
  refusal: (status: S, event: E) => Msg;
}): StateMachine<S, E> {
  const next = (s: S, e: E) => def.transitions[s][e];
  const allowedEvents = (s: S) => def.events.filter((e) => next(s, e) !== undefined);
  return Object.freeze({
    statuses: def.statuses,
    events: def.events,
    transition(status: S, event: E): TransitionResult<S> {
      const to = next(status, event);
      return to === undefined ? { ok: false, error: def.refusal(status, event) } : { ok: true, status: to };
    },
    allowedEvents,
    isTerminal: (s: S) => allowedEvents(s).length === 0,
  });
}
