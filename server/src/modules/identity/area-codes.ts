/** The Kemendagri regency table (idn-area-data), loaded once, for NIK region checks. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let regencies: Set<string> | undefined;

export function knownRegencies(): Set<string> {
  if (!regencies) {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('idn-area-data/package.json'));
    const csv = readFileSync(path.join(pkgDir, 'data', 'regencies.csv'), 'utf8');
    regencies = new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]?.trim() ?? '')
        .filter((code) => /^\d{2}\.\d{2}$/.test(code)),
    );
  }
  return regencies;
}

export const isKnownRegency = (code: string) => knownRegencies().has(code);
