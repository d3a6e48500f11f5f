/** The `cor.` texts in English: exactly the keys of the Indonesian original. */
import type { Texts } from '../../../app/i18n.ts';
import type { corId } from './cor.id.ts';

export const corEn: Texts<typeof corId> = {
  title: 'Does selection pick people who perform?',
  publicTitle: 'Selection and later performance',
  lead: "Spearman's rank correlation (ρ) between selection scores and what followed: the Latsar result, the first-year SKP rating, and the IP ASN index. Aggregates only — no person's pair of scores is shown.",
  publicLead:
    'For each selection period whose appointees have completed a year of SKP: how strongly the selection scores relate to later performance. Aggregates only; groups under {{min}} people and chart cells under 5 people are not shown.',
  demo: 'Demo data (synthetic)',
  demoNote:
    'This period holds made-up data (randomly generated with a moderate relationship plus noise) for demonstration. Do not read it as a real selection outcome.',
  period: 'Selection period',
  noPeriods:
    'No selection period has appointees with an annual SKP rating yet. This page fills in once their first-year SKP is final.',
  summary:
    '{{appointees}} appointees of this period have selection scores; {{withSkp}} of them have a first-year SKP rating.',
  available: 'Outcome data: Latsar {{latsar}} people, SKP {{skp}} people, IP ASN {{ipAsn}} people.',
  availableNoIp:
    'Outcome data: Latsar {{latsar}} people, SKP {{skp}} people, IP ASN none yet (not computed for this period’s appointees).',
  predictor: {
    skd: 'SKD total',
    twk: 'SKD – TWK',
    tiu: 'SKD – TIU',
    tkp: 'SKD – TKP',
    skb: 'SKB',
    final: 'Final (integrated) score',
  },
  outcome: { latsar: 'Latsar result', skp: 'First-year SKP rating', ipAsn: 'IP ASN (total)' },
  matrix: {
    title: 'Correlation matrix',
    caption:
      "Spearman's ρ with its 95 % confidence interval and the number of people (n), selection score × later outcome",
    region: 'Correlation matrix table (scrollable)',
    score: 'Selection score',
    rho: 'ρ = {{rho}}',
    interval: '95 % CI: {{low}} to {{high}}',
    n: 'n = {{n}}',
    none: 'none yet',
    flat: 'Cannot be computed: one of the values does not vary.',
    reading:
      'How to read: ρ near 1 means people with high selection scores tend to have high outcomes too; near 0 means hardly related. An interval that crosses 0 means the relationship is not established.',
  },
  small: 'Small sample (n < {{min}}): do not draw conclusions',
  groups: {
    title: 'By group',
    lead: 'Split by need type and formation type only where a group holds at least {{min}} people.',
    needType: 'Need type: {{key}}',
    formationKind: 'Formation type: {{key}}',
    size: '{{n}} people',
    hidden: 'Hidden because small (fewer than {{min}} people).',
    hiddenSized: 'Hidden because small ({{n}} people, fewer than {{min}}).',
  },
  needType: {
    umum: 'General',
    cumlaude: 'Cum laude graduates',
    disabilitas: 'People with disabilities',
    papua: 'Papuan natives',
    diaspora: 'Diaspora',
    kalimantan: 'Kalimantan natives',
    daerah_tertinggal: 'Underdeveloped regions',
  },
  formationKind: { guru: 'Teachers', kesehatan: 'Health workers', teknis: 'Technical staff' },
  grid: {
    title: 'Distribution (chart of counts)',
    lead: 'Not individual points: the selection score is cut into five equal groups (quintiles) and each box shows how many people fall in it. Boxes with 1–4 people read "<5".',
    score: 'Selection score',
    outcome: 'Outcome',
    none: 'A chart is drawn only from {{min}} pairs of values; there are not enough for this choice yet.',
    chart: 'Number of people by {{x}} (across) and {{y}} (up), n = {{n}}.',
    tableCaption: 'People per box: rows {{y}}, columns {{x}}',
    region: 'Distribution table (scrollable)',
    lowest: '≤ {{v}}',
    between: '{{a}}–{{b}}',
    above: '> {{v}}',
    emptyBin: '(empty)',
    xAxis: '{{x}}, quintiles low → high',
    yAxis: '{{y}}, low → high',
  },
  predikat: {
    sangat_kurang: 'Very Poor',
    kurang: 'Poor',
    butuh_perbaikan: 'Needs Improvement',
    baik: 'Good',
    sangat_baik: 'Very Good',
  },
  publicLink: 'Public version of this page',
};

export default corEn;
