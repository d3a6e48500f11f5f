/** The numbered grid: answered / ragu-ragu / unanswered / current, told by text and symbol as well as colour. */
import { useTranslation } from 'react-i18next';
import { navState } from '../navigator.ts';
import type { AnswerMap } from '../queue.ts';
import '../i18n.ts';

const SYMBOL = { answered: '✓', flagged: '?', unanswered: '' } as const;

export function QuestionNavigator({
  itemIds,
  answers,
  current,
  onGo,
}: {
  itemIds: readonly string[];
  answers: AnswerMap;
  current: number;
  onGo: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="cat-nav" aria-label={t('cat.exam.nav')}>
      <ol className="cat-nav-grid">
        {itemIds.map((id, i) => {
          const state = navState(answers[id]);
          const isCurrent = i === current;
          return (
            <li key={id}>
              <button
                type="button"
                className={`cat-nav-btn cat-nav-btn--${state}${isCurrent ? ' cat-nav-btn--current' : ''}`}
                aria-label={
                  t('cat.exam.navItem', { n: i + 1, state: t(`cat.exam.legend.${state}`) }) +
                  (isCurrent ? t('cat.exam.navCurrent') : '')
                }
                aria-current={isCurrent ? 'step' : undefined}
                data-state={state}
                onClick={() => onGo(i)}
              >
                {i + 1}
                <span className="cat-nav-mark" aria-hidden="true">
                  {SYMBOL[state]}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="cat-legend" aria-label={t('cat.exam.nav')}>
        <li>
          <span className="cat-swatch cat-nav-btn--answered" aria-hidden="true">
            ✓
          </span>{' '}
          {t('cat.exam.legend.answered')}
        </li>
        <li>
          <span className="cat-swatch cat-nav-btn--flagged" aria-hidden="true">
            ?
          </span>{' '}
          {t('cat.exam.legend.flagged')}
        </li>
        <li>
          <span className="cat-swatch cat-nav-btn--unanswered" aria-hidden="true" /> {t('cat.exam.legend.unanswered')}
        </li>
        <li>
          <span className="cat-swatch cat-nav-btn--current" aria-hidden="true" /> {t('cat.exam.legend.current')}
        </li>
      </ul>
    </nav>
  );
}
