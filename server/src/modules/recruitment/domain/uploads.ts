/**
 * Upload checks against a rule set's per-document limits (RULES.md §1.4): an oversized or
 * wrong-format file is refused at once, and submission needs every required document. The MIME
 * type passed in must come from the file's magic bytes (file-type), not from the browser's claim.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { DOCUMENT_KINDS, type DocumentKind, KB, type RecruitmentRuleSet } from './rule-set.ts';

export type UploadProblemCode = 'FORMAT' | 'TOO_LARGE' | 'EMPTY';

const FORMAT_NAME: Record<string, string> = { 'image/jpeg': 'JPEG/JPG', 'application/pdf': 'PDF' };

/** Sizes in the unit the rule uses: whole KB (1 KB = 1024 bytes), rounded up so "201 KB" never reads as 200. */
function kb(bytes: number): number {
  return Math.ceil(bytes / KB);
}

/**
 * Whether a file may be stored for a document slot: returns null when the detected MIME type is one
 * the slot allows and 0 < size ≤ maxBytes (the limit itself is allowed), else the problem with an
 * instruction. RULES.md §1.4 [TIRTO-UPLOAD-2019]: oversized files are rejected automatically.
 */
export function checkUpload(
  kind: DocumentKind,
  file: { mime: string; sizeBytes: number },
  ruleSet: RecruitmentRuleSet,
): { code: UploadProblemCode; message: Msg } | null {
  const limit = ruleSet.uploadLimits[kind];
  const formats = limit.mime.map((m) => FORMAT_NAME[m] ?? m).join(' atau ');
  const formatsEn = limit.mime.map((m) => FORMAT_NAME[m] ?? m).join(' or ');
  if (!(limit.mime as readonly string[]).includes(file.mime)) {
    return {
      code: 'FORMAT',
      message: msg(
        `${limit.label.id} harus berformat ${formats}. Simpan ulang berkas sebagai ${formats} lalu unggah lagi.`,
        `${limit.label.en} must be a ${formatsEn} file. Save it again as ${formatsEn} and upload it again.`,
      ),
    };
  }
  if (file.sizeBytes <= 0) {
    return {
      code: 'EMPTY',
      message: msg(
        `Berkas ${limit.label.id} kosong. Pilih berkas yang benar.`,
        `The ${limit.label.en} file is empty. Choose the right file.`,
      ),
    };
  }
  if (file.sizeBytes > limit.maxBytes) {
    return {
      code: 'TOO_LARGE',
      message: msg(
        `${limit.label.id} berukuran ${kb(file.sizeBytes)} KB, melebihi batas ${Math.floor(limit.maxBytes / KB)} KB. Perkecil berkas (kompres atau pindai dengan resolusi lebih rendah) lalu unggah lagi.`,
        `${limit.label.en} is ${kb(file.sizeBytes)} KB, over the ${Math.floor(limit.maxBytes / KB)} KB limit. Make the file smaller (compress it or scan at a lower resolution) and upload it again.`,
      ),
    };
  }
  return null;
}

/** The required document kinds not yet uploaded, in DOCUMENT_KINDS order; submission needs this to be empty (RULES.md §1.3). */
export function missingRequiredDocuments(
  uploaded: Iterable<DocumentKind>,
  ruleSet: RecruitmentRuleSet,
): DocumentKind[] {
  const have = new Set(uploaded);
  return DOCUMENT_KINDS.filter((k) => ruleSet.uploadLimits[k].required && !have.has(k));
}
