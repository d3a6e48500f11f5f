/**
 * Form fields with a visible label, an optional hint and an error that screen readers announce
 * with the field (aria-describedby + aria-invalid). They take react-hook-form's register() props.
 */
import { type ComponentProps, type ReactNode, useId } from 'react';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldBits {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

/** What a control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** Label, hint and error around one control; the control gets the ids that tie them together. */
function Labelled({
  label,
  hint,
  error,
  className,
  children,
}: FieldBits & { className?: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control: ControlProps = { id };
  if (error) control['aria-invalid'] = true;
  const described = describedBy(!!error && errorId, !!hint && hintId);
  if (described) control['aria-describedby'] = described;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children(control)}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

export function TextField({ label, hint, error, className, ...input }: FieldBits & ComponentProps<'input'>) {
  return (
    <Labelled label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} {...input} />}
    </Labelled>
  );
}

export function TextAreaField({ label, hint, error, className, ...area }: FieldBits & ComponentProps<'textarea'>) {
  return (
    <Labelled label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea {...control} {...area} />}
    </Labelled>
  );
}

export function SelectField({ label, hint, error, children, ...select }: FieldBits & ComponentProps<'select'>) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </Labelled>
  );
}

export function CheckboxField({ label, hint, error, ...input }: FieldBits & Omit<ComponentProps<'input'>, 'type'>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field field--check${error ? ' field--invalid' : ''}`}>
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(!!error && errorId, !!hint && hintId)}
          {...input}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
}

/**
 * A fieldset of radio buttons; `input` carries register() props shared by every option. With
 * `value`, the group is controlled (the option equal to it is checked).
 */
export function RadioGroup({
  legend,
  options,
  error,
  hint,
  input,
  value,
}: {
  legend: ReactNode;
  options: RadioOption[];
  error?: string | undefined;
  hint?: ReactNode;
  input: ComponentProps<'input'>;
  value?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`field radio-group${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(!!error && errorId, !!hint && hintId)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input
              type="radio"
              value={o.value}
              aria-invalid={error ? true : undefined}
              {...(value !== undefined ? { checked: o.value === value } : {})}
              {...input}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId}>{error}</FieldError>
    </fieldset>
  );
}
