import { describe, expect, it } from 'vitest';
import type { FinalRow } from './integration.ts';
import { optimalisasi, type OptimalisasiFormation } from './optimalisasi.ts';

const f = (
  id: string,
  quota: number,
  jabatan = 'Pranata Komputer',
  educationKey = 'S1:informatika',
): OptimalisasiFormation => ({ id, jabatan, educationKey, quota });
const row = (
  formationId: string,
  participantNo: string,
  score: number | null,
  result: FinalRow['result'],
  skdTotal = 400,
): FinalRow => ({
  formationId,
  participantNo,
  skdTotal,
  skbText: score === null ? '' : '80.00',
  finalThousandths: score,
  rank: score === null ? null : 1,
  result,
});

describe('optimalisasi', () => {
  it('fills a vacancy with the best TL candidate of an equivalent formation', () => {
    const moves = optimalisasi(
      [f('A', 1), f('B', 2)],
      [
        row('A', 'a1', 80000, 'L'),
        row('A', 'a2', 78000, 'TL'),
        row('A', 'a3', 79000, 'TL'),
        row('B', 'b1', 70000, 'L'),
        row('B', 'b2', null, 'TH'),
      ],
    );
    expect(moves).toEqual([
      { participantNo: 'a3', fromFormation: 'A', toFormation: 'B', finalThousandths: 79000, result: 'L-2' },
    ]);
  });

  it('never moves across jabatan or education, never moves anyone twice, never moves absentees', () => {
    const moves = optimalisasi(
      [f('A', 1), f('B', 2), f('C', 2, 'Analis Kebencanaan'), f('D', 3, 'Pranata Komputer', 'D3:informatika')],
      [row('A', 'a1', 80000, 'L'), row('A', 'a2', 78000, 'TL'), row('A', 'a9', null, 'TH'), row('B', 'b1', 70000, 'L')],
    );
    expect(moves.map((m) => [m.participantNo, m.toFormation])).toEqual([['a2', 'B']]);
  });

  it('breaks equal scores by SKD total then participant number, deterministically', () => {
    const finals = [
      row('A', 'a1', 90000, 'L'),
      row('A', 'x2', 80000, 'TL', 390),
      row('A', 'x1', 80000, 'TL', 390),
      row('A', 'x0', 80000, 'TL', 380),
    ];
    const moves = optimalisasi([f('A', 1), f('B', 1)], finals);
    expect(moves.map((m) => m.participantNo)).toEqual(['x1']);
    expect(optimalisasi([f('B', 1), f('A', 1)], [...finals].reverse())).toEqual(moves);
  });

  it('does nothing when every formation is full', () => {
    expect(
      optimalisasi([f('A', 1), f('B', 1)], [row('A', 'a1', 1, 'L'), row('A', 'a2', 1, 'TL'), row('B', 'b1', 1, 'L')]),
    ).toEqual([]);
  });
});
