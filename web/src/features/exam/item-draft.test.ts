import { describe, expect, it } from 'vitest';
import { draftFromItem, draftToContent, emptyDraft, withType } from './item-draft.ts';

describe('item draft', () => {
  it('turns a key-scored draft with four options into the API body', () => {
    const d = {
      ...emptyDraft(),
      stem: ' Ibu kota Sulawesi Tengah adalah … ',
      options: { A: 'Palu', B: 'Donggala', C: 'Poso', D: 'Luwuk', E: '' },
      correct: 'A' as const,
    };
    expect(draftToContent(d)).toEqual({
      examType: 'SKD',
      subtest: 'TWK',
      category: 'nasionalisme',
      stem: 'Ibu kota Sulawesi Tengah adalah …',
      imageKey: null,
      options: [
        { key: 'A', text: 'Palu' },
        { key: 'B', text: 'Donggala' },
        { key: 'C', text: 'Poso' },
        { key: 'D', text: 'Luwuk' },
      ],
      scoring: { kind: 'key', correct: 'A', points: 5 },
      explanation: null,
    });
  });

  it('sends weights for TKP and round-trips an item', () => {
    const d = withType(emptyDraft(), 'SKD', 'TKP');
    expect(d.category).toBe('pelayanan_publik');
    const full = {
      ...d,
      stem: 'Sikap Anda bila …',
      options: { A: 'a', B: 'b', C: 'c', D: 'd', E: 'e' },
      weights: { A: '5', B: '4', C: '3', D: '2', E: '1' },
    };
    const body = draftToContent(full);
    expect(body.scoring).toEqual({ kind: 'weights', weights: { A: 5, B: 4, C: 3, D: 2, E: 1 } });
    expect(draftToContent(draftFromItem(body))).toEqual(body);
  });

  it('keeps the item’s picture through an edit (saving the editor never drops it)', () => {
    const body = draftToContent({
      ...emptyDraft(),
      stem: 'Lanjutkan deret pada gambar.',
      imageKey: '6f1c2a7e-1111-4222-8333-944455556666',
      options: { A: '32', B: '24', C: '20', D: '18', E: '' },
    });
    expect(body.imageKey).toBe('6f1c2a7e-1111-4222-8333-944455556666');
    expect(draftToContent(draftFromItem(body)).imageKey).toBe(body.imageKey);
  });

  it('keeps subtest and category inside the exam type', () => {
    const d = withType({ ...emptyDraft(), category: 'numerik' }, 'PPPK');
    expect([d.subtest, d.category]).toEqual(['TEKNIS', 'teknis']);
    expect(withType(emptyDraft(), 'SKD', 'TIU').category).toBe('verbal');
  });
});
