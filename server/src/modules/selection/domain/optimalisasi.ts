/**
 * Optimalisasi (RULES.md §1.9): after integration, a formation left with unfilled places may be
 * filled by candidates who passed but ranked outside the quota of another formation with the same
 * jabatan and the same education requirement, best first; they get result L-2 ("lulus setelah
 * pindah formasi/lokasi dalam jenjang yang sama", RULES.md §1.7). Off unless a period enables it.
 * Pure and deterministic: same input → same moves.
 */
import { compareBytes } from './byte-order.ts';
import type { FinalRow } from './integration.ts';

export interface OptimalisasiFormation {
  id: string; // formation_id as published
  jabatan: string;
  /** Education requirement key, e.g. "S1:teknik informatika|sistem informasi"; equal keys may swap. */
  educationKey: string;
  quota: number;
}

export interface OptimalisasiMove {
  participantNo: string;
  fromFormation: string;
  toFormation: string;
  finalThousandths: number;
  result: 'L-2';
}

/** Fills vacancies formation by formation (formation_id byte order), taking the best remaining TL candidate of an equivalent formation. */
export function optimalisasi(
  formations: readonly OptimalisasiFormation[],
  finals: readonly FinalRow[],
): OptimalisasiMove[] {
  const byId = new Map(formations.map((f) => [f.id, f]));
  const passed = new Map<string, number>();
  for (const r of finals) if (r.result === 'L') passed.set(r.formationId, (passed.get(r.formationId) ?? 0) + 1);
  const key = (f: OptimalisasiFormation) => `${f.jabatan.trim().toLowerCase()}\u0000${f.educationKey}`;
  // Candidates: present at SKB (a final score) but outside their formation's quota.
  const pool = finals
    .filter((r) => r.result === 'TL' && r.finalThousandths !== null && byId.has(r.formationId))
    .sort(
      (a, b) =>
        b.finalThousandths! - a.finalThousandths! ||
        b.skdTotal - a.skdTotal ||
        compareBytes(a.participantNo, b.participantNo),
    );
  const moved = new Set<string>();
  const moves: OptimalisasiMove[] = [];
  for (const f of [...formations].sort((a, b) => compareBytes(a.id, b.id))) {
    let vacancies = f.quota - (passed.get(f.id) ?? 0);
    for (const c of pool) {
      if (vacancies <= 0) break;
      const from = byId.get(c.formationId)!;
      if (moved.has(c.participantNo) || from.id === f.id || key(from) !== key(f)) continue;
      moved.add(c.participantNo);
      moves.push({
        participantNo: c.participantNo,
        fromFormation: from.id,
        toFormation: f.id,
        finalThousandths: c.finalThousandths!,
        result: 'L-2',
      });
      vacancies -= 1;
    }
  }
  return moves;
}

export const OPTIMALISASI_HEADER = 'participant_no,from_formation_id,to_formation_id,final_score,result';
