/**
 * The runtime validators of the compiled documents, loaded on the first fetch rather than with
 * the app: a prerendered page hydrates from its embedded state without fetching, so zod stays
 * out of the code needed to show it.
 */
import '../zodConfig';

export {
  AllTags,
  ArticleDocument,
  AuthorPage,
  IdShard,
  IndexPage,
  SectionPage,
  SiteDocument,
  TagFacet,
  TagPage,
  TopTags,
} from '../model/compiled';
export { SearchMeta, SearchRecord, TermFile } from '../search/documents';
