/**
 * Test projects: unit (pure rules), integration on PGlite, the same integration suite on a
 * Postgres server when TEST_DATABASE_URL is set, and browser journeys when Chromium is present.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const integrationInclude = ['server/**/*.int.test.ts'];
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);

if (!hasChromium) {
  console.warn(
    `[merit] Chromium tidak ditemukan di ${chromium}: uji peramban (e2e) DILEWATI. Pasang dengan: apt-get install chromium`,
  );
}
if (!hasPostgres) {
  console.warn(
    '[merit] TEST_DATABASE_URL tidak diisi: uji integrasi hanya dijalankan di PGlite (bukan server Postgres).',
  );
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: [
            'common/**/*.test.ts',
            'server/src/**/domain/**/*.test.ts',
            'server/seeds/**/*.test.ts',
            'server/src/**/*.unit.test.ts',
            'web/src/**/*.test.ts',
          ],
        },
      },
      {
        extends: true as const,
        test: { name: 'integration', include: integrationInclude, env: { MERIT_TEST_DB: 'pglite' } },
      },
      ...(hasPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'integration-pg', include: integrationInclude, env: { MERIT_TEST_DB: 'postgres' } },
            },
          ]
        : []),
      ...(hasChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.ts'],
                fileParallelism: false,
                testTimeout: 120_000,
                hookTimeout: 240_000,
              },
            },
          ]
        : []),
    ],
  },
});
