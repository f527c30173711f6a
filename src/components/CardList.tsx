import { ArticleCard } from './ArticleCard';
import type { Card } from '../model/compiled';

/** A list of article cards; on the front page's first page the first card is the lead story. */
export function CardList({ cards, leadFirst = false, label }: { cards: Card[]; leadFirst?: boolean; label: string }) {
  return (
    <ul aria-label={label} className="grid list-none gap-8 p-0 md:grid-cols-2">
      {cards.map((card, i) => {
        const lead = leadFirst && i === 0;
        return (
          <li
            key={card.id}
            className={lead ? 'border-b border-neutral-200 pb-8 md:col-span-2 dark:border-neutral-800' : ''}
          >
            <ArticleCard card={card} lead={lead} />
          </li>
        );
      })}
    </ul>
  );
}
