/**
 * The SKP plan's life cycle (PermenPANRB 6/2022 Pasal 5: perencanaan — penetapan dan klarifikasi
 * ekspektasi): the pejabat penilai sets hasil kerja and expectations while it is a draft, the
 * employee agrees (recording the clarification), the evaluator may reopen it until evaluated;
 * an evaluation is a draft until the evaluator finalises it, and a final one never changes.
 */
import { msg } from '../../../../../common/contracts/messages.ts';
import { defineStateMachine } from '../../../../../common/rules/state-machine.ts';

export const planMachine = defineStateMachine({
  statuses: ['draft', 'agreed'] as const,
  events: ['agree', 'reopen'] as const,
  transitions: { draft: { agree: 'agreed' }, agreed: { reopen: 'draft' } },
  refusal: (status) =>
    status === 'agreed'
      ? msg(
          'SKP ini sudah disepakati. Minta pejabat penilai membukanya kembali bila perlu diubah.',
          'This SKP is already agreed. Ask the evaluator to reopen it if it must change.',
        )
      : msg(
          'SKP ini masih draf; belum ada yang perlu dibuka kembali.',
          'This SKP is still a draft; there is nothing to reopen.',
        ),
});

export const evaluationMachine = defineStateMachine({
  statuses: ['draft', 'final'] as const,
  events: ['finalise'] as const,
  transitions: { draft: { finalise: 'final' }, final: {} },
  refusal: () =>
    msg('Evaluasi ini sudah final dan tidak dapat diubah.', 'This evaluation is final and cannot be changed.'),
});

/** Perspectives of hasil kerja (Lampiran PermenPANRB 6/2022, for JPT; used for every level here). */
export const PERSPECTIVE_LABELS = {
  penerima_layanan: msg('Penerima Layanan', 'Service recipients'),
  proses_bisnis: msg('Proses Bisnis', 'Business process'),
  penguatan_internal: msg('Penguatan Internal', 'Internal strengthening'),
  anggaran: msg('Anggaran', 'Budget'),
} as const;
