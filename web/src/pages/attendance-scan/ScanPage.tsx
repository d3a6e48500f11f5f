/**
 * /hadir?t=… — what the facilitator's QR opens on a participant's phone (signed in): the scan is
 * sent at once; without a connection it waits in this browser (localStorage) with the time it was
 * made and is sent when the phone is back online, and the server takes it if the code was valid
 * then. Expired or foreign codes get the server's message. The code can also be read with the
 * camera (where the browser can) or pasted.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { ScanBody } from '../../../../common/contracts/development.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import {
  completionApi,
  enqueueScan,
  queuedScans,
  type ScanResult,
  saveQueue,
} from '../../features/development/completion-api.ts';
import '../../features/development/development.css';
import '../../features/development/i18n-completion.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { tokenOf } from './token.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

type Outcome =
  { kind: 'ok'; result: ScanResult } | { kind: 'queued' } | { kind: 'error'; error: unknown } | { kind: 'sending' };

const isNetwork = (err: unknown) => err instanceof ApiError && err.code === 'NETWORK_ERROR';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

function Camera({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const Ctor = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  useEffect(() => {
    if (!on || !Ctor) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((x) => x.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        timer = setInterval(() => {
          if (!video.current) return;
          detector.detect(video.current).then(
            (codes) => {
              const code = codes[0]?.rawValue;
              if (code) {
                setOn(false);
                onCode(code);
              }
            },
            () => undefined,
          );
        }, 300);
      })
      .catch(() => setProblem(t('devc.scan.noCamera')));
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((x) => x.stop());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the camera restarts only when scanning is switched on or off, not when the parent re-renders
  }, [on]);
  if (!Ctor || !navigator.mediaDevices) return null;
  return (
    <div>
      <button type="button" className="btn btn--secondary" onClick={() => setOn(!on)}>
        {on ? t('devc.scan.stopCamera') : t('devc.scan.camera')}
      </button>
      {problem ? <Alert tone="warning">{problem}</Alert> : null}
      {on ? (
        <video ref={video} className="dev-qr-img" muted playsInline aria-label={t('devc.scan.cameraView')} />
      ) : null}
    </div>
  );
}

/** What the last scan did, and the scans still waiting in this browser. */
function ScanOutcome({
  outcome,
  pending,
  flushed,
  flush,
}: {
  outcome: Outcome | null;
  pending: number;
  flushed: { sent: number; refused: string[] } | null;
  flush: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="scan-result" aria-live="polite">
      <h2 id="scan-result">{t('devc.scan.result')}</h2>
      {outcome === null ? <p>{t('devc.scan.noCode')}</p> : null}
      {outcome?.kind === 'sending' ? <p>{t('devc.scan.sending')}</p> : null}
      {outcome?.kind === 'ok' ? (
        <Alert tone="success" title={outcome.result.already ? t('devc.scan.already') : t('devc.scan.recorded')}>
          <p>
            {t('devc.scan.what', {
              seq: outcome.result.meeting.seq,
              meeting: outcome.result.meeting.title,
              program: outcome.result.batch.programTitle,
              batch: outcome.result.batch.name,
              at: new Date(outcome.result.attendedAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'id-ID', {
                timeZone: 'Asia/Makassar',
                hour: '2-digit',
                minute: '2-digit',
              }),
            })}
          </p>
        </Alert>
      ) : null}
      {outcome?.kind === 'queued' ? (
        <Alert tone="warning" title={t('devc.scan.queuedTitle')}>
          <p>{t('devc.scan.queued')}</p>
        </Alert>
      ) : null}
      {outcome?.kind === 'error' ? <ErrorAlert error={outcome.error} /> : null}
      {pending > 0 ? (
        <p>
          {t('devc.scan.pending', { count: pending })}{' '}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => void flush()}>
            {t('devc.scan.sendNow')}
          </button>
        </p>
      ) : null}
      {flushed && flushed.sent > 0 ? (
        <Alert tone="success">{t('devc.scan.flushed', { count: flushed.sent })}</Alert>
      ) : null}
      {flushed && flushed.refused.length > 0 ? <Alert tone="error">{flushed.refused.join(' ')}</Alert> : null}
    </section>
  );
}

/** The pasted code: a scan link or the bare token, checked as the scan body's token. */
const PasteForm = z.strictObject({
  token: z.preprocess((v) => (typeof v === 'string' ? tokenOf(v) : v), ScanBody.shape.token),
});

/** The camera and the pasted code, for when the QR did not open this page. */
function OtherWays({ send }: { send: (token: string) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useContractForm(PasteForm, { token: '' });
  return (
    <section className="card" aria-labelledby="scan-other">
      <h2 id="scan-other">{t('devc.scan.otherWays')}</h2>
      <Camera onCode={(text) => void send(tokenOf(text))} />
      <form
        className="form"
        noValidate
        aria-label={t('devc.scan.pasteTitle')}
        onSubmit={form.handleSubmit(({ token }) => send(token))}
      >
        <TextField
          label={t('devc.scan.paste')}
          maxLength={300}
          autoComplete="off"
          error={form.fieldError('token')}
          {...form.register('token')}
        />
        <div className="actions">
          <button type="submit" className="btn btn--primary">
            {t('devc.scan.send')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Scan() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(() => queuedScans().length);
  const [flushed, setFlushed] = useState<{ sent: number; refused: string[] } | null>(null);
  const started = useRef(false);

  /** Sends every scan waiting in this browser, each with its original time. */
  async function flush() {
    const queue = queuedScans();
    if (queue.length === 0) return;
    const left = [];
    let sent = 0;
    const refused: string[] = [];
    for (const q of queue) {
      try {
        const r = await completionApi.scan(q.token, q.scannedAt);
        sent++;
        setOutcome({ kind: 'ok', result: r });
      } catch (err) {
        if (isNetwork(err)) left.push(q);
        else refused.push(err instanceof Error && err.message ? err.message : t('devc.scan.refused'));
      }
    }
    saveQueue(left);
    setPending(left.length);
    if (sent > 0 || refused.length > 0) setFlushed({ sent, refused });
  }

  async function send(token: string) {
    const scannedAt = new Date().toISOString();
    if (!token) return;
    if (navigator.onLine === false) {
      enqueueScan({ token, scannedAt });
      setPending(queuedScans().length);
      setOutcome({ kind: 'queued' });
      return;
    }
    setOutcome({ kind: 'sending' });
    try {
      setOutcome({ kind: 'ok', result: await completionApi.scan(token) });
    } catch (err) {
      if (isNetwork(err)) {
        enqueueScan({ token, scannedAt });
        setPending(queuedScans().length);
        setOutcome({ kind: 'queued' });
      } else setOutcome({ kind: 'error', error: err });
    }
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = params.get('t');
    void flush().then(() => (token ? send(tokenOf(token)) : undefined));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens from the QR link
  }, []);
  // Back online: send what waited. Also try every 15 s while something waits (not every phone
  // announces the connection coming back).
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = pending > 0 ? setInterval(() => navigator.onLine !== false && void flush(), 15_000) : undefined;
    return () => {
      window.removeEventListener('online', online);
      if (timer) clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the listener and timer follow the count waiting; flush reads the latest queue itself
  }, [pending]);

  return (
    <>
      <PageTitle title={t('devc.scan.title')} lead={t('devc.scan.lead')}>
        {t('devc.scan.title')}
      </PageTitle>
      <ScanOutcome outcome={outcome} pending={pending} flushed={flushed} flush={flush} />
      <OtherWays send={send} />
    </>
  );
}

export function ScanPage() {
  return <RequireAuth>{() => <Scan />}</RequireAuth>;
}
