/**
 * `npm run db:types`: migrates a fresh in-memory PGlite and writes server/src/db/generated.ts
 * from it (kysely-codegen). `--check` only compares and exits 1 when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateDbTypes, GENERATED_TYPES_FILE } from '../server/src/db/codegen.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';

const database = await openDatabase({});
try {
  await migrate(database);
  const text = await generateDbTypes(database.db);
  if (process.argv.includes('--check')) {
    const same = readFileSync(GENERATED_TYPES_FILE, 'utf8') === text;
    if (!same) console.error(`${GENERATED_TYPES_FILE} berbeda dari migrasi: jalankan npm run db:types`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(GENERATED_TYPES_FILE, text);
    console.log(`${GENERATED_TYPES_FILE} ditulis`);
  }
} finally {
  await database.close();
}
