/**
 * Line diff between a consultation's draft and its final text (longest common subsequence over
 * lines): what the public reads as "what changed". Pure; texts are a few pages, so the quadratic
 * table is small.
 */
export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = after.replace(/\r\n/g, '\n').split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: a[i++]! });
    else out.push({ op: 'add', text: b[j++]! });
  }
  while (i < n) out.push({ op: 'del', text: a[i++]! });
  while (j < m) out.push({ op: 'add', text: b[j++]! });
  return out;
}

/** Whether a comment made at `at` falls in the window [opensAt, closesAt). */
export function inWindow(at: Date, opensAt: Date | null, closesAt: Date | null): boolean {
  if (!opensAt || !closesAt) return false;
  return at.getTime() >= opensAt.getTime() && at.getTime() < closesAt.getTime();
}

export type ConsultationState = 'draft' | 'scheduled' | 'open' | 'closed' | 'final';
/** A consultation's state at `now`: published ones are scheduled, open or closed by their window. */
export function consultationState(
  c: { status: string; opens_at: Date | string | null; closes_at: Date | string | null },
  now: Date,
): ConsultationState {
  if (c.status !== 'open') return c.status as 'draft' | 'final';
  const opensAt = c.opens_at ? new Date(c.opens_at) : null;
  const closesAt = c.closes_at ? new Date(c.closes_at) : null;
  if (inWindow(now, opensAt, closesAt)) return 'open';
  return opensAt && now.getTime() < opensAt.getTime() ? 'scheduled' : 'closed';
}
