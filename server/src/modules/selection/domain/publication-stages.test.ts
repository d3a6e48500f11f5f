import { describe, expect, it } from 'vitest';
import { skdPublicationBlockers } from './publication-stages.ts';

const now = new Date('2026-12-07T04:00:00Z'); // 12.00 WITA
const w = (start: string, end: string) => ({ start, end });

describe('SKD results wait for registration and verification to close', () => {
  it('refuses while registration runs, naming the stage and its end in Palu time', () => {
    const [m] = skdPublicationBlockers(
      {
        registration: w('2026-12-01T00:00:00Z', '2026-12-10T15:59:00Z'),
        verification: w('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
      },
      now,
    );
    expect(m?.id).toBe(
      'Hasil SKD belum dapat diusulkan untuk diumumkan: tahap pendaftaran masih berjalan sampai 10 Desember 2026, 23.59 WITA. Usulkan setelah tahap itu ditutup.',
    );
  });

  it('names verification too when both are still open (or yet to come)', () => {
    const ms = skdPublicationBlockers(
      {
        registration: w('2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z'),
        verification: w('2026-12-20T00:00:00Z', '2026-12-30T00:00:00Z'),
      },
      now,
    );
    expect(ms.map((m) => m.en)).toEqual([
      expect.stringContaining('the registration stage'),
      expect.stringContaining('the administrative verification stage'),
    ]);
  });

  it('allows once both have closed, or when the period has no such stage', () => {
    expect(
      skdPublicationBlockers(
        {
          registration: w('2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z'),
          verification: w('2026-11-10T00:00:00Z', now.toISOString()),
        },
        now,
      ),
    ).toEqual([]);
    expect(skdPublicationBlockers({}, now)).toEqual([]);
  });
});
