/** The start and end inputs of one stage window in a form whose values hold `stages.<stage>.start|end`. */
import { type Control, Controller, type FieldErrors, type FieldValues, type Path, get } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import '../../features/recruitment/i18n.ts';
import { DateTimeField } from '../../ui/DateFields.tsx';
import type { LocalWindow, StageName } from './shared.ts';

type StagesForm<T extends FieldValues, Out> = {
  control: Control<T, unknown, Out>;
  formState: { errors: FieldErrors<T> };
  fieldError: (name: Path<T>) => string | undefined;
};

export function StageWindowFields<T extends { stages: Record<StageName, LocalWindow> }, Out>({
  form,
  stage,
  name,
  windowErrorOn = 'end',
}: {
  form: StagesForm<T, Out>;
  stage: StageName;
  name: string;
  /** Where "end before start" (an error on the whole window) is said. */
  windowErrorOn?: 'start' | 'end';
}) {
  const { t } = useTranslation();
  const at = (path: string) => path as Path<T>;
  // A window's own error has a message; a parent of its halves' errors does not.
  const whole = get(form.formState.errors, `stages.${stage}.message`)
    ? form.fieldError(at(`stages.${stage}`))
    : undefined;
  const error = (half: 'start' | 'end') =>
    form.fieldError(at(`stages.${stage}.${half}`)) ?? (half === windowErrorOn ? whole : undefined);
  return (
    <>
      {(['start', 'end'] as const).map((half) => (
        <Controller
          key={half}
          control={form.control}
          name={at(`stages.${stage}.${half}`)}
          render={({ field }) => (
            <DateTimeField
              label={t(half === 'start' ? 'rec.com.stageStart' : 'rec.com.stageEnd', { stage: name })}
              value={field.value as string}
              error={error(half)}
              onChange={field.onChange}
            />
          )}
        />
      ))}
    </>
  );
}
