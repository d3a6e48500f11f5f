/** Small selection building blocks: result-code badge and legend, copyable SHA-256, CSV upload form. */
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { UploadProgress } from '../../recruitment/components/bits.tsx';
import '../i18n.ts';

const CODE_TONE: Record<string, string> = {
  'P/L': 'badge--ok',
  L: 'badge--ok',
  P: '',
  TL: 'badge--warn',
  TH: 'badge--muted',
};

export function CodeBadge({ code }: { code: string }) {
  return <span className={`badge ${CODE_TONE[code] ?? ''}`}>{code}</span>;
}

/** The meaning of each BKN result code (RULES.md §1.7), as a definition list. */
export function CodeLegend({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <section className="sel-legend" aria-labelledby="codes-title">
      <h2 id="codes-title">{t('sel.codes.title')}</h2>
      <dl>
        {codes.map((c) => (
          <div key={c}>
            <dt>
              <CodeBadge code={c} />
            </dt>
            <dd>{t(`sel.codes.${c}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('sel.codes.source')}</p>
    </section>
  );
}

/** A SHA-256 in monospace with a copy button; the result is announced politely. */
export function ShaValue({ sha, name }: { sha: string; name: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha);
      setNote(t('sel.pub.copied', { name }));
    } catch {
      setNote(t('sel.pub.copyFailed'));
    }
  };
  return (
    <div className="sel-sha">
      <code className="mono sel-sha-text" data-sha256={name}>
        {sha}
      </code>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => void copy()}
        aria-label={t('sel.pub.copyLabel', { name })}
      >
        {t('sel.pub.copy')}
      </button>
      <span className="small muted" role="status">
        {note}
      </span>
    </div>
  );
}

/** One CSV upload form: file input, progress, the server's (line-numbered) error or the count. */
export function CsvUpload({
  title,
  lead,
  button,
  onUpload,
  titleId,
}: {
  title: string;
  lead: ReactNode;
  button: string;
  titleId: string;
  onUpload: (file: File, onProgress: (p: number) => void) => Promise<{ imported: number }>;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [state, setState] = useState<{ error: unknown } | { imported: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setState(null);
    try {
      setState(await onUpload(file, setPercent));
    } catch (error) {
      setState({ error });
    } finally {
      setBusy(false);
      setPercent(null);
    }
  };
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p className="small">{lead}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('sel.com.chooseFile')}</label>
        <input id={inputId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {percent !== null ? <UploadProgress percent={percent} label={t('sel.com.importing', { percent })} /> : null}
      <button type="submit" className="btn btn--secondary" disabled={!file || busy}>
        {button}
      </button>
      {state && 'error' in state ? <ErrorAlert error={state.error} /> : null}
      {state && 'imported' in state ? (
        <Alert tone="success">{t('sel.com.imported', { count: state.imported })}</Alert>
      ) : null}
    </form>
  );
}
