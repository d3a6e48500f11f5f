/**
 * Standard reasons a verifier gives for TMS (Tidak Memenuhi Syarat), RULES.md §1.5. The applicant
 * sees the label plus the verifier's note in SSCASN style ("Alasan TMS dari Verifikator: …").
 * One unmet requirement is enough for TMS [CALONPPPK-SANGGAH]. Codes are ours (derived); labels and
 * sources follow the RULES.md table. Data, so an instansi can extend the list without a code change.
 */

export const TMS_REASON_CODES = [
  'AGE',
  'NAME_MISMATCH',
  'QUALIFICATION',
  'UNREADABLE',
  'WRONG_SLOT',
  'LETTER_ADDRESS',
  'ACCREDITATION',
  'HEALTH_CERT',
  'FORGERY',
  'METERAI',
  'EXPIRED',
  'PARTY_MEMBER',
  'PRIOR_CHEATING',
  'PRIOR_RESIGN',
  'GENERAL_REQ',
  'OTHER',
] as const;
export type TmsReasonCode = (typeof TMS_REASON_CODES)[number];

export interface TmsReason {
  code: TmsReasonCode;
  /** Indonesian label shown to applicants and verifiers. */
  id: string;
  en: string;
  /** RULES.md §12 source keys. */
  sources: readonly string[];
}

export const TMS_REASONS: readonly TmsReason[] = Object.freeze([
  {
    code: 'AGE',
    id: 'Usia tidak memenuhi batas usia pada tanggal yang ditetapkan (lebih satu hari pun tidak memenuhi)',
    en: 'Age outside the limit on the cut-off date (even one day over does not qualify)',
    sources: ['TIRTO-TMS-2024', 'WARTAGURU-TMS'],
  },
  {
    code: 'NAME_MISMATCH',
    id: 'Nama tidak sesuai dengan KTP/ijazah/dokumen lain',
    en: 'Name does not match the KTP, diploma or other documents',
    sources: ['TIRTO-TMS-2024', 'WARTAGURU-TMS'],
  },
  {
    code: 'QUALIFICATION',
    id: 'Kualifikasi pendidikan tidak sesuai dengan formasi yang dilamar (umum/khusus)',
    en: 'Education qualification does not match the formation applied for (general/special)',
    sources: ['TIRTO-TMS-2024'],
  },
  {
    code: 'UNREADABLE',
    id: 'Dokumen tidak lengkap, tidak terbaca, atau tidak dapat diunduh',
    en: 'Document incomplete, unreadable or cannot be downloaded',
    sources: ['TIRTO-TMS-2021', 'TIRTO-TMS-2024'],
  },
  {
    code: 'WRONG_SLOT',
    id: 'Salah unggah dokumen atau dokumen diunggah pada tempat yang salah',
    en: 'Wrong document uploaded, or uploaded in the wrong slot',
    sources: ['TIRTO-TMS-2024', 'WARTAGURU-TMS'],
  },
  {
    code: 'LETTER_ADDRESS',
    id: 'Surat lamaran salah alamat/tujuan',
    en: 'Application letter addressed to the wrong agency',
    sources: ['TIRTO-TMS-2024'],
  },
  {
    code: 'ACCREDITATION',
    id: 'Akreditasi bukan akreditasi pada saat tahun kelulusan',
    en: 'Accreditation is not the one valid in the year of graduation',
    sources: ['TIRTO-TMS-2024'],
  },
  {
    code: 'HEALTH_CERT',
    id: 'Surat keterangan sehat bukan dari instansi pemerintah/dokter ber-NIP',
    en: 'Health certificate not issued by a government facility or a doctor with an NIP',
    sources: ['TIRTO-TMS-2024'],
  },
  {
    code: 'FORGERY',
    id: 'Manipulasi atau pemalsuan berkas (mis. ijazah atau meterai palsu)',
    en: 'Manipulated or forged documents (e.g. fake diploma or stamp duty)',
    sources: ['TIRTO-TMS-2024', 'KETIKMEDIA-TMS'],
  },
  {
    code: 'METERAI',
    id: 'E-meterai tidak ada, bertumpuk, palsu, sudah terpakai, atau satu meterai untuk beberapa dokumen',
    en: 'E-meterai missing, overlapping, fake, already used, or one meterai used on several documents',
    sources: ['TIRTO-TMS-2021', 'TIRTO-TMS-2024', 'KETIKMEDIA-TMS'],
  },
  {
    code: 'EXPIRED',
    id: 'Dokumen sudah tidak berlaku (mis. STR dalam perpanjangan tanpa bukti pembayaran)',
    en: 'Document expired (e.g. STR being renewed without proof of payment)',
    sources: ['TIRTO-TMS-2021'],
  },
  {
    code: 'PARTY_MEMBER',
    id: 'Terdaftar sebagai anggota partai politik',
    en: 'Registered as a member of a political party',
    sources: ['KETIKMEDIA-TMS'],
  },
  {
    code: 'PRIOR_CHEATING',
    id: 'Pernah melakukan kecurangan pada seleksi sebelumnya',
    en: 'Cheated in a previous selection',
    sources: ['SUMEKS-TMS'],
  },
  {
    code: 'PRIOR_RESIGN',
    id: 'Mengundurkan diri setelah mendapat NIP dan masih dalam masa sanksi',
    en: 'Resigned after receiving an NIP and is still within the sanction period',
    sources: ['SUMEKS-TMS'],
  },
  {
    code: 'GENERAL_REQ',
    id: 'Tidak memenuhi persyaratan umum',
    en: 'Does not meet the general requirements',
    sources: ['SUMEKS-TMS'],
  },
  // Derived: a catch-all so a verifier is never forced to pick a wrong reason; the note is then required.
  {
    code: 'OTHER',
    id: 'Alasan lain (lihat catatan verifikator)',
    en: 'Other reason (see the verifier’s note)',
    sources: [],
  },
] satisfies TmsReason[]);

/** The reason entry for a code; total over TmsReasonCode because the table lists every code once. */
export function tmsReason(code: TmsReasonCode): TmsReason {
  const found = TMS_REASONS.find((r) => r.code === code);
  if (!found) throw new Error(`TMS reason ${code} missing from TMS_REASONS`);
  return found;
}

/** Whether a string is a known TMS reason code (for validating stored or submitted codes). */
export function isTmsReasonCode(code: string): code is TmsReasonCode {
  return (TMS_REASON_CODES as readonly string[]).includes(code);
}

/** The label of a stored reason code in both languages; null for no code or one no longer listed. */
export function tmsReasonLabel(code: string | null): { id: string; en: string } | null {
  const found = TMS_REASONS.find((r) => r.code === code);
  return found ? { id: found.id, en: found.en } : null;
}
