/**
 * Live snapshots: Server-Sent Events (`event: snapshot`) with polling as the fallback when
 * EventSource is missing or the stream keeps failing (proxies that buffer, flaky mobile data).
 */
import { useEffect, useRef, useState } from 'react';

export type LiveMode = 'connecting' | 'stream' | 'polling';

export function useLiveSnapshot<T>(opts: {
  streamUrl: string | null;
  poll: () => Promise<T>;
  pollMs?: number;
  onError?: (e: unknown) => void;
}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [receivedAt, setReceivedAt] = useState<Date | null>(null);
  const pollRef = useRef(opts.poll);
  pollRef.current = opts.poll;
  const pollMs = opts.pollMs ?? 5_000;

  useEffect(() => {
    if (!opts.streamUrl) return;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let es: EventSource | null = null;
    let failures = 0;
    const accept = (v: T) => {
      if (closed) return;
      setData(v);
      setError(null);
      setReceivedAt(new Date());
    };
    const poll = async () => {
      if (closed) return;
      try {
        accept(await pollRef.current());
      } catch (e) {
        if (!closed) setError(e);
      }
      if (!closed) timer = setTimeout(() => void poll(), pollMs);
    };
    const startPolling = () => {
      es?.close();
      es = null;
      setMode('polling');
      void poll();
    };
    if (typeof EventSource === 'undefined') {
      startPolling();
    } else {
      // A first fetch so the page has data even before the stream's first event.
      void pollRef.current().then(accept, (e) => !closed && setError(e));
      es = new EventSource(opts.streamUrl);
      es.addEventListener('snapshot', (ev) => {
        failures = 0;
        setMode('stream');
        try {
          accept(JSON.parse((ev as MessageEvent<string>).data) as T);
        } catch {
          // a broken event: the next one replaces it
        }
      });
      es.onerror = () => {
        failures++;
        // EventSource reconnects by itself; after repeated failures poll instead.
        if (failures >= 3 && !closed) startPolling();
      };
    }
    return () => {
      closed = true;
      es?.close();
      if (timer) clearTimeout(timer);
    };
  }, [opts.streamUrl, pollMs]);

  return { data, error, mode, receivedAt };
}
