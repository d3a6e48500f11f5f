/**
 * Date and date-time inputs written the Indonesian way (hh/bb/tttt, 24-hour jj.mm) on every
 * browser: native date inputs follow the browser's locale, so Chromium set to English showed
 * mm/dd/yyyy and AM/PM. The value in and out stays ISO; what cannot be read is said on the field.
 */
import { type ComponentProps, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idDateTimeToIso, idDateToIso, isoToIdDate, isoToIdDateTime } from './dates.ts';
import { TextField } from './Field.tsx';

type Base = {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
} & Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'>;

function Parsed({
  label,
  hint,
  error,
  value,
  onChange,
  toIso,
  fromIso,
  formatHint,
  invalid,
  ...rest
}: Base & {
  toIso: (t: string) => string | null;
  fromIso: (v: string) => string;
  formatHint: string;
  invalid: string;
}) {
  const [text, setText] = useState(() => fromIso(value));
  const [touched, setTouched] = useState(false);
  // A new value from outside (saved, reset) replaces what is shown, unless it is what was typed.
  useEffect(() => {
    if ((toIso(text) ?? text) !== value) setText(fromIso(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new value from outside replaces the text; typing must not
  }, [value]);
  const unreadable = touched && text.trim() !== '' && toIso(text) === null;
  return (
    <TextField
      {...rest}
      label={label}
      hint={hint ? `${hint} ${formatHint}` : formatHint}
      inputMode="numeric"
      autoComplete={rest.autoComplete ?? 'off'}
      value={text}
      error={error ?? (unreadable ? invalid : undefined)}
      onBlur={() => setTouched(true)}
      onChange={(e) => {
        setText(e.target.value);
        const iso = toIso(e.target.value);
        onChange(iso ?? e.target.value.trim());
      }}
    />
  );
}

/** A calendar date: shows hh/bb/tttt, gives `YYYY-MM-DD` (or the text as typed when it is not a day). */
export function DateField(props: Base) {
  const { t } = useTranslation();
  return (
    <Parsed
      {...props}
      toIso={idDateToIso}
      fromIso={isoToIdDate}
      formatHint={t('dates.dateHint')}
      invalid={t('dates.dateInvalid')}
    />
  );
}

/** A local date and time (WITA): shows hh/bb/tttt jj.mm, gives `YYYY-MM-DDTHH:MM`. */
export function DateTimeField(props: Base) {
  const { t } = useTranslation();
  return (
    <Parsed
      {...props}
      toIso={idDateTimeToIso}
      fromIso={isoToIdDateTime}
      formatHint={t('dates.dateTimeHint')}
      invalid={t('dates.dateTimeInvalid')}
    />
  );
}
