/** Search across all content, in memory, built once at start; no outside service. */
import MiniSearch from 'minisearch';
import type { ContentPage } from './library';

export interface SearchResult {
  path: string;
  title: string;
  summary: string;
}

export interface SearchIndex {
  search(query: string): SearchResult[];
}

/**
 * Words that carry no meaning in a question such as "is it illegal to look": left in,
 * they make every page that happens to say "it" and "to" compete with the page
 * that answers the question.
 */
const STOP_WORDS = new Set(
  'a am an and are as at be been by can could do does for from go going has have how i if in is it its me my of on or so than that the this to up was we what when where which who will with would you your'.split(' '),
);

function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  return STOP_WORDS.has(word) ? null : word;
}

export function createSearchIndex(pages: ContentPage[]): SearchIndex {
  const index = new MiniSearch<ContentPage & { keywordText: string }>({
    idField: 'path',
    fields: ['title', 'summary', 'keywordText', 'text'],
    storeFields: ['path', 'title', 'summary'],
    processTerm,
    // Keywords are the words people search with that the page may not use (such as
    // "child porn" on the law page), so they count for as much as the title.
    searchOptions: { boost: { title: 3, keywordText: 3, summary: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(pages.map((page) => ({ ...page, keywordText: page.keywords.join(' ') })));
  return {
    search(query) {
      const terms = query.trim().slice(0, 200);
      if (!terms) return [];
      let hits = index.search(terms);
      // If every word together finds nothing, any of the words will do.
      if (hits.length === 0) hits = index.search(terms, { combineWith: 'OR' });
      return hits.slice(0, 20).map((hit) => ({ path: hit.path as string, title: hit.title as string, summary: hit.summary as string }));
    },
  };
}
