/** Small recruitment building blocks: period picker, status badge, confirm dialog, pager, facts, card-check link. */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Period } from '../types.ts';
import '../i18n.ts';

export function PeriodPicker({
  periods,
  value,
  onChange,
}: {
  periods: Period[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('rec.common.period')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.code})
          </option>
        ))}
      </select>
    </div>
  );
}

const TONE: Record<string, string> = {
  ms: 'badge--ok',
  exam_scheduled: 'badge--ok',
  objection_accepted: 'badge--ok',
  approved: 'badge--ok',
  accepted: 'badge--ok',
  tms: 'badge--warn',
  tms_final: 'badge--warn',
  rejected: 'badge--warn',
  objection_rejected: 'badge--warn',
  draft: 'badge--muted',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? ''}`}>{t(`rec.status.${status}`, { defaultValue: status })}</span>;
}

/** A modal confirmation on the native <dialog> (focus is trapped and Esc cancels). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="rec-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel} autoFocus>
          {t('rec.common.cancel')}
        </button>
      </div>
    </dialog>
  );
}

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Shows an upload's progress as a native <progress> with the percent in words. */
export function UploadProgress({ percent, label }: { percent: number; label: string }) {
  return (
    <div role="status" className="rec-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

/** Opens the public page the QR code on the cards leads to, so the applicant can check it too. */
export function CardCheckLink({ path, registrationNo }: { path: string; registrationNo: string }) {
  const { t } = useTranslation();
  return (
    <Link className="btn btn--secondary" to={path}>
      {t('rec.mine.cardCheck')}
      <span className="sr-only"> {registrationNo}</span>
    </Link>
  );
}
