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

export function createSearchIndex(pages: ContentPage[]): SearchIndex {
  const index = new MiniSearch<ContentPage>({
    idField: 'path',
    fields: ['title', 'summary', 'text'],
    storeFields: ['path', 'title', 'summary'],
    searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  index.addAll(pages);
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
