/**
 * Pictures in exam items. The exam admin uploads a JPEG or PNG (checked by its bytes like any
 * upload, trailing data dropped, at most 300 KB so a cheap phone on a weak signal still loads the
 * question); the item's content then names it by `imageKey`. Exam admins read it, and a participant
 * only while their running exam's form holds an item that shows it; it is served as an image, never
 * as a page.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import { type AppContext, bindUseCases } from '../../platform/context.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload, type UploadRule } from '../../platform/upload-check.ts';
import type { Actor } from '../identity/index.ts';
import type { ExamContext } from './exam.shared.ts';
import { itemImagesRepository as repo } from './item-images.repository.ts';

export const ITEM_IMAGE_RULE: UploadRule = { mime: ['image/jpeg', 'image/png'], maxBytes: 300 * 1024 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ImagesContext = Pick<ExamContext, 'db' | 'ids' | 'audit'> & Pick<AppContext, 'files'>;

/** Stores an exam admin's picture once its bytes are a JPEG or PNG within the limit (audited). */
export async function upload(
  { db, ids, audit, files }: ImagesContext,
  actor: Actor,
  data: Buffer,
): Promise<{ imageKey: string; mime: string; size: number }> {
  const checked = await checkUpload(data, ITEM_IMAGE_RULE, { label: 'gambar soal' });
  if (!checked.ok)
    throw new AppError(checked.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', checked.message, {
      fields: [{ field: 'file', message: checked.message }],
    });
  const id = ids.uuid();
  await putRecorded(files, checked.data, { contentType: checked.mime }, (stored) =>
    db.transaction().execute(async (trx) => {
      await repo.insert(trx, {
        id,
        file_key: stored.key,
        mime: checked.mime as 'image/jpeg' | 'image/png',
        size: checked.size,
        sha256: stored.sha256,
        uploaded_by: actor.accountId,
      });
      await audit.record(trx, {
        actor: { id: actor.accountId, role: actor.role },
        action: 'exam.item_image.upload',
        subjectType: 'item_image',
        subjectId: id,
        after: { mime: checked.mime, size: checked.size, sha256: stored.sha256 },
      });
    }),
  );
  return { imageKey: id, mime: checked.mime, size: checked.size };
}

/** Whether an item's `imageKey` names an uploaded picture. */
export async function exists({ db }: Pick<ExamContext, 'db'>, imageKey: string): Promise<boolean> {
  return UUID.test(imageKey) && (await repo.byId(db, imageKey)) !== undefined;
}

/** The picture for an exam admin, or for a participant whose running CAT exam or training test shows it. */
export async function read(
  { db, files }: Pick<ImagesContext, 'db' | 'files'>,
  actor: Actor,
  imageKey: string,
): Promise<{ data: Buffer; mime: string }> {
  const row = UUID.test(imageKey) ? await repo.byId(db, imageKey) : undefined;
  const shown = async () =>
    actor.role === 'exam_admin' ||
    (await repo.inOpenAttemptOf(db, imageKey, actor.accountId)) ||
    (await repo.inOpenAssessmentOf(db, imageKey, actor.accountId));
  if (!row || !(await shown())) throw notFound();
  return { data: await files.get(row.file_key), mime: row.mime };
}

export const createItemImagesService = (ctx: ImagesContext) => bindUseCases(ctx, { upload, exists, read });

export type ItemImagesService = ReturnType<typeof createItemImagesService>;

/** The message for an item whose `imageKey` names no uploaded picture. */
export const unknownImage = () =>
  new AppError(
    'VALIDATION_FAILED',
    msg('Gambar soal tidak ditemukan. Unggah gambarnya lagi.', 'The item picture was not found. Upload it again.'),
    {
      fields: [
        {
          field: 'imageKey',
          message: msg(
            'Gambar soal tidak ditemukan. Unggah gambarnya lagi.',
            'The item picture was not found. Upload it again.',
          ),
        },
      ],
    },
  );
