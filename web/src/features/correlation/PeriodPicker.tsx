/** The period chooser of the correlation pages: newest first, the demo period marked as such. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodSummary } from './api.ts';
import './i18n.ts';

export function PeriodPicker({
  periods,
  value,
  onChange,
}: {
  periods: readonly PeriodSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="cor-choose">
      <label htmlFor={id}>{t('cor.period')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.demo && !p.name.includes(t('cor.demo')) ? `[${t('cor.demo')}] ` : ''}
            {p.name} ({p.code})
          </option>
        ))}
      </select>
    </div>
  );
}
