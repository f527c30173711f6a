/** Inline text rendered from parsed nodes, as React elements: never as an HTML string. */
import { Link } from 'react-router';
import { type InlineNode, parseInline } from '../content/inline';

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
          <Link key={i} to={node.url}>
            {renderNodes(node.children)}
          </Link>
        ) : (
          <a key={i} href={node.url} rel="noopener">
            {renderNodes(node.children)}
          </a>
        );
    }
  });
}

export function InlineText({ text }: { text: string }) {
  return <>{renderNodes(parseInline(text).nodes)}</>;
}
