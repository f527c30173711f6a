import { ArticleCard } from '../ArticleCard';
import type { Card, RelatedCard } from '../../model/compiled';

export function RelatedArticles({
  related,
  moreInSection,
  section,
}: {
  related: RelatedCard[];
  moreInSection: Card[];
  section?: string;
}) {
  if (related.length === 0 && moreInSection.length === 0) return null;
  return (
    <div className="space-y-10 print:hidden">
      {related.length > 0 && (
        <aside aria-labelledby="related-heading">
          <h2
            id="related-heading"
            className="border-b-2 border-neutral-900 pb-1 font-serif text-xl font-bold dark:border-neutral-100"
          >
            Related articles
          </h2>
          <ul className="mt-4 list-none space-y-6 p-0">
            {related.map((card) => (
              <li key={card.id}>
                <ArticleCard card={card} headingLevel="h3" note={card.reasons.join(' · ')} />
              </li>
            ))}
          </ul>
        </aside>
      )}
      {moreInSection.length > 0 && section && (
        <section aria-labelledby="more-heading">
          <h2
            id="more-heading"
            className="border-b-2 border-neutral-900 pb-1 font-serif text-xl font-bold dark:border-neutral-100"
          >
            More in {section}
          </h2>
          <ul className="mt-4 list-none space-y-6 p-0">
            {moreInSection.map((card) => (
              <li key={card.id}>
                <ArticleCard card={card} headingLevel="h3" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
