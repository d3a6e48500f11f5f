/** The exam countdown: carried forward from the server's figure by a monotonic clock; warnings read aloud at 10, 5 and 1 minute. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClockSync, crossedMark, formatCountdown, minutesLeft, remainingAt, timeTone } from '../countdown.ts';
import '../i18n.ts';

export function Countdown({ sync, onTimeUp }: { sync: ClockSync; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const [ms, setMs] = useState(() => remainingAt(sync, performance.now()));
  const [announce, setAnnounce] = useState('');
  const prev = useRef(ms);
  const fired = useRef(false);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;

  useEffect(() => {
    const tick = () => {
      const now = remainingAt(sync, performance.now());
      const mark = crossedMark(prev.current, now);
      if (mark !== null) setAnnounce(t('cat.exam.timeWarn', { minutes: minutesLeft(mark) }));
      prev.current = now;
      setMs(now);
      if (now <= 0 && !fired.current) {
        fired.current = true;
        timeUp.current();
      }
      if (now > 0) fired.current = false;
    };
    tick();
    const id = setInterval(tick, 500);
    return () => clearInterval(id);
  }, [sync, t]);

  const tone = timeTone(ms);
  return (
    <div className={`cat-timer cat-timer--${tone}`}>
      <span className="cat-timer-label">{t('cat.exam.timeLeft')}</span>
      {/* role=timer is not live by default: the value is read on demand, warnings come from the region below. */}
      <span
        role="timer"
        className="cat-timer-value mono"
        aria-label={t('cat.exam.timeLeftSr', { minutes: minutesLeft(ms) })}
        data-remaining-ms={Math.round(ms)}
      >
        {formatCountdown(ms)}
      </span>
      <span className="sr-only" aria-live="assertive">
        {announce}
      </span>
    </div>
  );
}
