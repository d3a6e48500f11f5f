/**
 * Open data (issue 14): a catalog of datasets — formations, applicants per formation, TMS reasons,
 * complaint statistics, IKM, observer findings, 20 JP compliance and SKP predikat per OPD — each in CSV and JSON with field documentation, a
 * licence, its update time and the SHA-256 of each file. Every dataset is an aggregate or a record
 * that is already public; none carries a NIK, birth date, e-mail or person's name (a test asserts
 * it over every dataset), so there is nothing to mask.
 */
import { createHash } from 'node:crypto';
import { DATASET_IDS } from '../../../../common/contracts/participation.ts';
import { participationEndpoints as E } from '../../../../common/contracts/participation.endpoints.ts';
import { fillPath } from '../../../../common/contracts/endpoint.ts';
import { bindUseCases } from '../../platform/context.ts';
import { csvText } from '../../../../common/rules/csv.ts';
import { buildDataset, type Cell, type Dataset, type DatasetId, type OpenDataContext } from './open-data.datasets.ts';

export type { DatasetId, OpenDataContext } from './open-data.datasets.ts';

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Atribusi 4.0 Internasional',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.id',
};

function render(d: Dataset, format: 'csv' | 'json'): Buffer {
  if (format === 'json') {
    return Buffer.from(
      JSON.stringify(
        {
          dataset: d.id,
          title: d.title,
          licence: LICENCE.id,
          updatedAt: d.updatedAt.toISOString(),
          fields: d.fields,
          rows: d.rows.map((r) => Object.fromEntries(d.fields.map((f, i) => [f.name, r[i] ?? null]))),
        },
        null,
        1,
      ),
    );
  }
  const rows = d.rows.map((r) => r.map((c: Cell) => (typeof c === 'boolean' ? (c ? 'ya' : 'tidak') : c)));
  return Buffer.from(
    csvText(
      d.fields.map((f) => f.name),
      rows,
      { eol: '\r\n' },
    ),
  );
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every dataset with its fields, licence, update time and each file's address and SHA-256. */
export async function openDataCatalog(ctx: OpenDataContext) {
  const datasets = [];
  for (const id of DATASET_IDS) {
    const d = await buildDataset(ctx, id);
    datasets.push({
      id,
      title: d.title,
      description: d.description,
      fields: d.fields,
      rows: d.rows.length,
      updatedAt: d.updatedAt.toISOString(),
      licence: LICENCE,
      files: (['csv', 'json'] as const).map((format) => ({
        format,
        url: fillPath(E.openDataFile.path, { file: `${id}.${format}` }),
        sha256: sha256(render(d, format)),
      })),
    });
  }
  return { generatedAt: ctx.clock.now().toISOString(), licence: LICENCE, datasets };
}

/** One dataset's file in CSV or JSON, with its SHA-256 and update time for the response headers. */
export async function openDataFile(ctx: OpenDataContext, id: DatasetId, format: 'csv' | 'json') {
  const d = await buildDataset(ctx, id);
  const body = render(d, format);
  return {
    body,
    sha256: sha256(body),
    updatedAt: d.updatedAt,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
  };
}

/** The open-data use-cases bound to one context, for routes and tests. */
export const createOpenDataService = (ctx: OpenDataContext) =>
  bindUseCases(ctx, { catalog: openDataCatalog, file: openDataFile });

export type OpenDataService = ReturnType<typeof createOpenDataService>;
