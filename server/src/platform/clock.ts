/** Time and randomness as adapters, so services and tests can control them. */
import { randomBytes, randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs at real speed (MERIT_NOW: a journey on 29 December). */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock tests can move forward. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-05T01:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Ids {
  uuid(): string;
  /** A URL-safe secret of 32 random bytes (tokens, session ids). */
  secret(): string;
}
export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  secret: () => randomBytes(32).toString('base64url'),
};
