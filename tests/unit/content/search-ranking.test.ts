import { describe, expect, it } from 'vitest';
import { getContentLibrary } from '../../../modules/content/index';

const QUESTIONS = '/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal';
const LAW = '/self-help/the-law-and-after-an-arrest/what-the-law-says';

/** What a frightened man types, and the page that must come first. */
const QUERIES: Array<[string, string]> = [
  ['child porn', QUESTIONS],
  ['Child pornography', QUESTIONS],
  ['is looking illegal', QUESTIONS],
  ['is it illegal to look', QUESTIONS],
  ['is it illegal to download images', QUESTIONS],
  ['streaming', QUESTIONS],
  ['sex offenders register', QUESTIONS],
  ['sex offender register', QUESTIONS],
  ['will I go on the register', QUESTIONS],
  ['am I breaking the law', QUESTIONS],
  ['grooming', QUESTIONS],
  ['AI images illegal', QUESTIONS],
  ['16 year old nudes', QUESTIONS],
  ['what does the law say', LAW],
];

describe('search', () => {
  const { search } = getContentLibrary();

  it.each(QUERIES)('"%s" brings the law page first', (query, first) => {
    expect(search.search(query)[0]?.path).toBe(first);
  });

  it('puts the two law pages in the first three results for each of these questions', () => {
    for (const [query] of QUERIES.filter(([q]) => /illegal|law|porn/i.test(q))) {
      const top = search.search(query).slice(0, 3).map((r) => r.path);
      expect(top, query).toContain(QUESTIONS);
      expect(top.some((p) => p === LAW || p === QUESTIONS), query).toBe(true);
    }
  });

  it('still finds other pages by their own words', () => {
    expect(search.search('family safety plan')[0]?.path).toMatch(/^\/toolkit\/family-safety-plan/);
    expect(search.search('urge surfing')[0]?.path).toBe('/self-help/compulsion-and-habits/urge-surfing');
  });
});
