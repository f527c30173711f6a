/** Inline text rendered from parsed nodes, as React elements: never as an HTML string. */
import { Link } from 'react-router';
import { usePrefetchArticle } from '../hooks/usePrefetchArticle';
import { type InlineNode, parseInline } from '../model/inline';
import type { ReactNode } from 'react';

function renderNodes(nodes: InlineNode[]) {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'emphasis':
        return <em key={i}>{renderNodes(node.children)}</em>;
      case 'strong':
        return <strong key={i}>{renderNodes(node.children)}</strong>;
      case 'link':
        return node.internal ? (
          <InternalLink key={i} to={node.url}>
            {renderNodes(node.children)}
          </InternalLink>
        ) : (
          <a key={i} href={node.url} rel="noopener">
            {renderNodes(node.children)}
          </a>
        );
    }
  });
}

const ARTICLE_PATH = /^\/articles\/([a-z0-9-]+)(?:[?#].*)?$/;

/** A site path navigates inside the app; one to an article is prefetched on hover or focus. */
function InternalLink({ to, children }: { to: string; children: ReactNode }) {
  const id = ARTICLE_PATH.exec(to)?.[1];
  return id ? (
    <ArticleLink id={id} to={to}>
      {children}
    </ArticleLink>
  ) : (
    <Link to={to}>{children}</Link>
  );
}

function ArticleLink({ id, to, children }: { id: string; to: string; children: ReactNode }) {
  const { onMouseEnter, onFocus } = usePrefetchArticle(id);
  return (
    <Link to={to} onMouseEnter={onMouseEnter} onFocus={onFocus}>
      {children}
    </Link>
  );
}

export function InlineText({ text }: { text: string }) {
  return <>{renderNodes(parseInline(text).nodes)}</>;
}
