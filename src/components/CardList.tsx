import { ArticleCard, type CardWeight } from './ArticleCard';
import type { Card } from '../model/compiled';

interface CardListProps {
  cards: Card[];
  label: string;
  /** How many of the first cards lead the list (0 or 1): the largest headline and image. */
  lead?: number;
  /** How many cards after the lead are top stories: the next weight, two to a row. */
  top?: number;
}

/** A list of article cards, optionally led by a lead story and top stories (front page, section fronts). */
export function CardList({ cards, label, lead = 0, top = 0 }: CardListProps) {
  const weightOf = (i: number): CardWeight => (i < lead ? 'lead' : i < lead + top ? 'top' : 'standard');
  return (
    <ul aria-label={label} className="grid list-none gap-8 p-0 md:grid-cols-2">
      {cards.map((card, i) => {
        const weight = weightOf(i);
        // The stream starts on a row of its own under the top stories.
        const firstOfStream = weight === 'standard' && i > 0 && weightOf(i - 1) === 'top';
        return (
          <li
            key={card.id}
            className={
              weight === 'lead'
                ? 'border-b border-neutral-200 pb-8 md:col-span-2 dark:border-neutral-800'
                : firstOfStream
                  ? 'md:col-start-1'
                  : ''
            }
          >
            <ArticleCard card={card} weight={weight} />
          </li>
        );
      })}
    </ul>
  );
}
