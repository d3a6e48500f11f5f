import { describe, expect, it } from 'vitest';
import { msg } from '../contracts/messages.ts';
import { defineStateMachine } from './state-machine.ts';

const door = defineStateMachine({
  statuses: ['closed', 'open', 'locked'] as const,
  events: ['open', 'close', 'lock'] as const,
  transitions: { closed: { open: 'open', lock: 'locked' }, open: { close: 'closed' }, locked: {} },
  refusal: (s, e) => msg(`Tidak bisa ${e} dari ${s}.`, `Cannot ${e} from ${s}.`),
});

describe('defineStateMachine', () => {
  it('follows the table and refuses every other move with its message', () => {
    expect(door.transition('closed', 'open')).toEqual({ ok: true, status: 'open' });
    expect(door.transition('open', 'lock')).toEqual({
      ok: false,
      error: { id: 'Tidak bisa lock dari open.', en: 'Cannot lock from open.' },
    });
  });

  it('lists allowed events in declaration order and knows terminal states', () => {
    expect(door.allowedEvents('closed')).toEqual(['open', 'lock']);
    expect(door.isTerminal('locked')).toBe(true);
    expect(door.isTerminal('open')).toBe(false);
  });
});
