/**
 * A staff preview of an uploaded document that runs nothing inside it (ADR 0006): images in an
 * <img>, PDF pages drawn on canvases by pdf.js (loaded on demand; no PDF scripting, no eval).
 * The server sends documents only as sandboxed attachments, so no viewer can show them inline.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Spinner.tsx';
import '../i18n.ts';

const MAX_PAGES = 12;

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; pages: number; shown: number };

async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

function PdfPages({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    // The node this run draws into: the cleanup must empty the same one.
    const node = holder.current;
    (async () => {
      const [pdfjs, bytes] = await Promise.all([
        loadPdfJs(),
        fetch(url, { credentials: 'same-origin' }).then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.arrayBuffer();
        }),
      ]);
      const task = pdfjs.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        enableXfa: false,
        stopAtErrors: false,
      });
      destroy = () => void task.destroy();
      const doc = await task.promise;
      const shown = Math.min(doc.numPages, MAX_PAGES);
      const box = holder.current;
      if (cancelled || !box) return;
      const width = Math.max(280, box.clientWidth || 600);
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      for (let n = 1; n <= shown; n++) {
        const page = await doc.getPage(n);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'rec-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('rec.ver.pageOf', { label, page: n, pages: doc.numPages }));
        box.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
      }
      if (!cancelled) setState({ kind: 'ready', pages: doc.numPages, shown });
    })().catch(() => {
      if (!cancelled) setState({ kind: 'error' });
    });
    return () => {
      cancelled = true;
      destroy?.();
      node?.replaceChildren();
    };
  }, [url, label, t]);

  return (
    <div className="rec-viewer" data-state={state.kind}>
      {state.kind === 'loading' ? <Loading label={t('rec.ver.previewLoading')} /> : null}
      {state.kind === 'error' ? <p className="small">{t('rec.ver.previewFailed')}</p> : null}
      <div ref={holder} className="rec-pages" />
      {state.kind === 'ready' && state.shown < state.pages ? (
        <p className="small muted">{t('rec.ver.morePages', { shown: state.shown, pages: state.pages })}</p>
      ) : null}
    </div>
  );
}

export function DocumentPreview({ url, mime, label }: { url: string; mime: string; label: string }) {
  const { t } = useTranslation();
  return mime === 'application/pdf' ? (
    <PdfPages url={url} label={label} />
  ) : (
    <img className="rec-viewer-img" src={url} alt={t('rec.ver.documentOf', { label })} loading="lazy" />
  );
}
