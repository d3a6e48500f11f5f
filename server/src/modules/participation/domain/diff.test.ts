import { describe, expect, it } from 'vitest';
import { diffLines, inWindow } from './diff.ts';

describe('diffLines', () => {
  const cases: { name: string; before: string; after: string; want: string }[] = [
    { name: 'unchanged', before: 'a\nb', after: 'a\nb', want: ' a| b' },
    { name: 'a line added', before: 'a\nc', after: 'a\nb\nc', want: ' a|+b| c' },
    { name: 'a line removed', before: 'a\nb\nc', after: 'a\nc', want: ' a|-b| c' },
    {
      name: 'a line changed',
      before: 'Usia paling tinggi 35 tahun\nIjazah S1',
      after: 'Usia paling tinggi 40 tahun\nIjazah S1',
      want: '-Usia paling tinggi 35 tahun|+Usia paling tinggi 40 tahun| Ijazah S1',
    },
    { name: 'from empty', before: '', after: 'x', want: '-|+x' },
    { name: 'CRLF is the same text', before: 'a\r\nb', after: 'a\nb', want: ' a| b' },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(
        diffLines(c.before, c.after)
          .map((d) => `${d.op === 'same' ? ' ' : d.op === 'add' ? '+' : '-'}${d.text}`)
          .join('|'),
      ).toBe(c.want),
    );
  }
});

describe('inWindow', () => {
  const open = new Date('2026-03-02T00:00:00Z');
  const close = new Date('2026-03-09T00:00:00Z');
  it.each([
    ['before', '2026-03-01T23:59:59Z', false],
    ['at the opening', '2026-03-02T00:00:00Z', true],
    ['inside', '2026-03-05T10:00:00Z', true],
    ['at the closing', '2026-03-09T00:00:00Z', false],
  ])('%s', (_n, at, want) => expect(inWindow(new Date(at), open, close)).toBe(want));
  it('is closed without a window', () => expect(inWindow(open, null, null)).toBe(false));
});
