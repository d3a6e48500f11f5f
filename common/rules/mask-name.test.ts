import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name.ts';

describe('maskName', () => {
  it.each([
    ['Nur Aisyah Lamarauna', 'Nu*** A*** L***'],
    ['Moh. Syarif', 'Moh*** S***'],
    ['Andi', 'And***'],
    ['Al', 'A***'],
    ['  Putri   Ayu ', 'Put*** A***'],
    ['', '***'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows a whole word of three letters or more beyond the first three letters', () => {
    expect(maskName('Rahmawati Lamarauna')).not.toContain('Rahma');
  });
});
