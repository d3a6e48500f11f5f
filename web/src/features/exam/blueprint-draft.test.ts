import { describe, expect, it } from 'vitest';
import type { Blueprint } from './api.ts';
import { blueprintBody, blueprintDraft, freshBlueprint } from './blueprint-draft.ts';

const saved: Blueprint = {
  examType: 'SKD',
  name: 'SKD CPNS Kota Palu',
  durationMinutes: 100,
  accommodatedMinutes: 130,
  maxGrantMinutes: 45,
  sections: [{ subtest: 'TWK', category: null, count: 30 }],
  thresholdsRef: 'KepMenPANRB 321/2024',
};

describe('blueprint draft', () => {
  it('keeps the proctors’ extra-time cap through an edit', () => {
    expect(blueprintBody(blueprintDraft(saved))).toEqual(saved);
    expect(blueprintBody({ ...blueprintDraft(saved), maxGrantMinutes: '60' }).maxGrantMinutes).toBe(60);
  });

  it('sends no cap when the field is empty, so the server’s default applies', () => {
    const { maxGrantMinutes: _, ...withoutCap } = saved;
    expect(blueprintBody(blueprintDraft(withoutCap))).toEqual(withoutCap);
    expect('maxGrantMinutes' in blueprintBody(freshBlueprint())).toBe(false);
  });
});
