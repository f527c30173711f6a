import { sectionAnchors } from '../../model/reading';
import { RenderBlock } from '../blocks/renderBlock';
import type { Section } from '../../model/schema';

/** A table of contents only helps once an article has a few headed sections. */
const TOC_MIN_SECTIONS = 3;

export function ArticleBody({ sections }: { sections: Section[] }) {
  const anchors = sectionAnchors(sections);
  const headed = sections.flatMap((section, i) =>
    section.heading && anchors[i] ? [{ heading: section.heading, id: anchors[i] }] : [],
  );
  return (
    <>
      {headed.length >= TOC_MIN_SECTIONS && (
        <nav
          aria-labelledby="toc-heading"
          className="not-prose my-6 border-l-2 border-neutral-300 pl-4 print:hidden dark:border-neutral-700"
        >
          <h2
            id="toc-heading"
            className="text-sm font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400"
          >
            In this article
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {headed.map(({ heading, id }) => (
              <li key={id}>
                <a href={`#${id}`}>{heading}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {sections.map((section, s) => {
        const id = anchors[s];
        return (
          <section key={id ?? `section-${s}`} aria-labelledby={id}>
            {section.heading && id && (
              <h2 id={id} className="scroll-mt-4">
                {section.heading}
              </h2>
            )}
            {section.blocks.map((block, b) => (
              <RenderBlock key={b} block={block} name={`sections[${s}].blocks[${b}]`} />
            ))}
          </section>
        );
      })}
    </>
  );
}
