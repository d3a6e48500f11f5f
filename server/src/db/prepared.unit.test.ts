import { describe, expect, it } from 'vitest';
import { createStatementNamer } from './prepared.ts';

describe('statement namer', () => {
  it('names a text once it is hot, and always with the same name', () => {
    const nameOf = createStatementNamer({ after: 3, max: 10 });
    expect(nameOf('select $1')).toBeUndefined();
    expect(nameOf('select $1')).toBeUndefined();
    const name = nameOf('select $1');
    expect(name).toMatch(/^merit_\d+$/);
    expect(nameOf('select $1')).toBe(name);
    for (let i = 0; i < 3; i++) nameOf('select $1, $2');
    expect(nameOf('select $1, $2')).not.toBe(name);
  });

  it('stops naming new texts at the cap but keeps the names it gave', () => {
    const nameOf = createStatementNamer({ after: 1, max: 2 });
    const a = nameOf('a');
    const b = nameOf('b');
    expect(nameOf('c')).toBeUndefined();
    expect([nameOf('a'), nameOf('b')]).toEqual([a, b]);
  });
});
