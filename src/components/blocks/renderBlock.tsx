/**
 * One block type, one component, through one map. A block the map does not know (newer content,
 * or a document that slipped past validation) renders nothing and is logged once; the rest of the
 * article still renders.
 */
import { Component, type ReactNode } from 'react';
import { Figure } from '../Figure';
import { InlineText } from '../InlineText';
import type { Block } from '../../model/schema';

type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

function Paragraph({ block }: { block: BlockOf<'paragraph'> }) {
  return (
    <p>
      <InlineText text={block.text} />
    </p>
  );
}

function Quote({ block }: { block: BlockOf<'quote'> }) {
  return (
    <figure className="my-8">
      <blockquote>
        <p>
          <InlineText text={block.text} />
        </p>
      </blockquote>
      {block.attribution && (
        <figcaption className="not-prose text-sm text-neutral-600 dark:text-neutral-400">
          — <cite className="not-italic">{block.attribution}</cite>
        </figcaption>
      )}
    </figure>
  );
}

function ImageBlock({ block }: { block: BlockOf<'image'> }) {
  return <Figure image={block} className="my-8" />;
}

function List({ block }: { block: BlockOf<'list'> }) {
  const items = block.items.map((item, i) => (
    <li key={i}>
      <InlineText text={item} />
    </li>
  ));
  return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

const BLOCK_COMPONENTS: { [T in Block['type']]: (props: { block: BlockOf<T> }) => ReactNode } = {
  paragraph: Paragraph,
  quote: Quote,
  image: ImageBlock,
  list: List,
};

const reported = new Set<string>();
function reportOnce(key: string, message: string, detail?: unknown) {
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(message, detail ?? '');
}

/** Keeps one broken block from taking down the article around it. */
class BlockBoundary extends Component<{ children: ReactNode; name: string }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    reportOnce(`error:${this.props.name}`, `Broadsheet: block ${this.props.name} failed to render`, error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function RenderBlock({ block, name }: { block: Block; name: string }) {
  const Renderer = BLOCK_COMPONENTS[block.type] as ((props: { block: Block }) => ReactNode) | undefined;
  if (!Renderer) {
    reportOnce(`type:${String(block.type)}`, `Broadsheet: unknown block type "${String(block.type)}" skipped`);
    return null;
  }
  return (
    <BlockBoundary name={name}>
      <Renderer block={block} />
    </BlockBoundary>
  );
}
