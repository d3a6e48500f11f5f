/**
 * A wide table's frame: scrolls sideways inside itself (never the page), can be focused and
 * scrolled from the keyboard (axe `scrollable-region-focusable`), is named for screen readers,
 * and says so when it is wider than the screen — on a phone, columns past the edge are not lost.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [wider, setWider] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setWider(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    ro?.observe(el);
    if (el.firstElementChild) ro?.observe(el.firstElementChild);
    return () => ro?.disconnect();
  }, []);
  return (
    <>
      {wider ? (
        <p id={hintId} className="table-hint small muted">
          {t('table.more')}
        </p>
      ) : null}
      <div
        ref={ref}
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={label}
        aria-describedby={wider ? hintId : undefined}
      >
        {children}
      </div>
    </>
  );
}
