/**
 * Masks a person's name for public pages (scoreboards, result lists) the way CAT BKN's live
 * scores do: each word keeps its first letter, the first word keeps up to three, the rest is
 * starred, so a name can be recognised by its owner but not searched for.
 */
export function maskName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '***';
  return words
    .map((w, i) => {
      const keep = i === 0 ? Math.min(3, Math.max(1, w.length - 1)) : 1;
      return `${[...w].slice(0, keep).join('')}***`;
    })
    .join(' ');
}
