import { describe, expect, it } from 'vitest';
import { RULE_SET_CPNS_2024 } from './rule-set.ts';
import { checkUpload, missingRequiredDocuments } from './uploads.ts';

describe('checkUpload (CPNS 2024)', () => {
  it.each([
    ['pas_foto', 'image/jpeg', 200 * 1024, null],
    ['pas_foto', 'image/jpeg', 200 * 1024 + 1, 'TOO_LARGE'],
    ['pas_foto', 'image/jpeg', 0, 'EMPTY'],
    ['pas_foto', 'application/pdf', 1000, 'FORMAT'],
    ['ktp', 'image/png', 1000, 'FORMAT'],
    ['ijazah', 'application/pdf', 800 * 1024, null],
    ['ijazah', 'application/pdf', 800 * 1024 + 1, 'TOO_LARGE'],
    ['ijazah', 'image/jpeg', 1000, 'FORMAT'],
    ['transkrip', 'application/pdf', 500 * 1024 + 1, 'TOO_LARGE'],
    ['surat_lamaran', 'application/pdf', 300 * 1024, null],
  ] as const)('%s %s %i bytes → %s', (kind, mime, sizeBytes, code) => {
    expect(checkUpload(kind, { mime, sizeBytes }, RULE_SET_CPNS_2024)?.code ?? null).toBe(code);
  });

  it('says the size, the limit and what to do', () => {
    const problem = checkUpload('pas_foto', { mime: 'image/jpeg', sizeBytes: 200 * 1024 + 1 }, RULE_SET_CPNS_2024);
    expect(problem?.message.id).toContain('201 KB, melebihi batas 200 KB');
    expect(problem?.message.id).toContain('Perkecil berkas');
    expect(problem?.message.en).toContain('over the 200 KB limit');
  });

  it('names the allowed format', () => {
    expect(checkUpload('ijazah', { mime: 'image/jpeg', sizeBytes: 10 }, RULE_SET_CPNS_2024)?.message.id).toContain(
      'berformat PDF',
    );
  });
});

describe('missingRequiredDocuments', () => {
  it.each([
    [[], ['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip']],
    [['pas_foto', 'ktp', 'swafoto', 'surat_lamaran', 'ijazah', 'transkrip'], []],
    [
      ['ijazah', 'pendukung', 'ktp'],
      ['pas_foto', 'swafoto', 'surat_lamaran', 'transkrip'],
    ],
  ] as const)('uploaded %j → missing %j', (uploaded, missing) => {
    expect(missingRequiredDocuments(uploaded, RULE_SET_CPNS_2024)).toEqual(missing);
  });
});
