import { useLocation, useParams } from 'react-router';
import { parsePage } from '../filter/urlState';

/** A list page's slug (`/tags/{slug}`, `/authors/{slug}`, `/sections/{slug}`) and its `?page=N`. */
export function useListParams(): { slug: string; page: number } {
  const slug = useParams().slug ?? '';
  const { search } = useLocation();
  return { slug, page: parsePage(new URLSearchParams(search).get('page')) };
}
