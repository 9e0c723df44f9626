import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_PAGE_PATHS, contentDirectory } from '../../../modules/content/index';
import { ContentValidationError, loadContentLibrary } from '../../../modules/content/library';

const page = (fields: Record<string, string>, body = 'Some words for the page.') =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;

const good = {
  title: 'A page',
  summary: 'A summary that is long enough.',
  audience: 'family',
  kind: 'guide',
  order: '1',
  reviewed: '2026-11-23',
  law: 'false',
  sources: '[]',
};

let dir = '';
function fixture(files: Record<string, string>, areas = 'self-help:\n  title: S\n  summary: S\n  groups: [one]\ntoolkit:\n  title: T\n  summary: T\n  groups: [two]\n') {
  dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  writeFileSync(path.join(dir, 'areas.yaml'), areas);
  const base = {
    'self-help/one/index.md': page({ ...good, kind: 'introduction', order: '0' }),
    'toolkit/two/index.md': page({ ...good, kind: 'introduction', order: '0' }),
  };
  for (const [name, text] of Object.entries({ ...base, ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function problemsOf(files: Record<string, string>, areas?: string): string[] {
  try {
    loadContentLibrary(fixture(files, areas), { knownPaths: ['/'] });
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems;
    throw error;
  }
  return [];
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the real content', () => {
  it('loads with no problems, and every page has an introduction, a title and a summary', () => {
    const library = loadContentLibrary(contentDirectory(), { knownPaths: APP_PAGE_PATHS });
    expect(library.pages.size).toBeGreaterThan(100);
    expect(library.areas['self-help'].groups).toHaveLength(10);
    expect(library.areas.toolkit.groups).toHaveLength(8);
    for (const group of library.areas['self-help'].groups) {
      expect(group.pages.length, group.path).toBeGreaterThanOrEqual(4);
      expect(group.pages.some((p) => p.kind === 'exercise'), `${group.path} has an exercise`).toBe(true);
      expect(group.pages.some((p) => p.kind === 'reflection'), `${group.path} has a reflection`).toBe(true);
      const chapters = group.pages.filter((p) => p.kind === 'chapter').length;
      expect(chapters, `${group.path} has 3 to 5 chapters`).toBeGreaterThanOrEqual(3);
      expect(chapters).toBeLessThanOrEqual(5);
    }
    expect(library.page('/toolkit/family-safety-plan/builder')?.exercise?.printable).toBe(true);
    expect(library.page('/self-help/my-plan-for-change/my-plan')?.exercise?.printable).toBe(true);
  });
});

describe('content validation names the file and the field', () => {
  it('accepts a well-formed set', () => {
    expect(problemsOf({ 'toolkit/two/page.md': page(good, 'See [the start](/).') })).toEqual([]);
  });

  it('a missing front-matter field', () => {
    const { summary: _s, ...missing } = good;
    expect(problemsOf({ 'toolkit/two/page.md': page(missing) })).toEqual([expect.stringMatching(/^content-[^/]+\/toolkit\/two\/page\.md: field "summary": /)]);
  });

  it('no front-matter at all', () => {
    expect(problemsOf({ 'toolkit/two/page.md': 'Just words.' })).toEqual([expect.stringContaining('toolkit/two/page.md: the front-matter is missing')]);
  });

  it('an unknown audience', () => {
    expect(problemsOf({ 'toolkit/two/page.md': page({ ...good, audience: 'martians' }) })).toEqual([expect.stringContaining('page.md: field "audience"')]);
  });

  it('a page stating the law with no source', () => {
    expect(problemsOf({ 'toolkit/two/page.md': page({ ...good, law: 'true' }) })).toEqual([
      expect.stringContaining('page.md: field "sources": a page that states the law must name at least one source'),
    ]);
  });

  it('a link to a page that does not exist, and a relative link', () => {
    const problems = problemsOf({ 'toolkit/two/page.md': page(good, 'See [this](/toolkit/two/nowhere) and [that](other-page).') });
    expect(problems).toEqual([
      expect.stringContaining('page.md: the link "/toolkit/two/nowhere" goes to a page that does not exist'),
      expect.stringContaining('page.md: the link "other-page" must be an absolute path'),
    ]);
  });

  it('a broken link inside exercise guidance', () => {
    const exercise = `\nexercise:\n  fields:\n    - { name: feeling, type: text, label: How do you feel? }\n  feedback:\n    - always: true\n      text: Read [more](/missing).`;
    const problems = problemsOf({ 'self-help/one/ex.md': page({ ...good, kind: 'exercise', audience: 'self' }).replace('sources: []', `sources: []${exercise}`) });
    expect(problems).toEqual([expect.stringContaining('ex.md: the link "/missing" goes to a page that does not exist')]);
  });

  it('feedback about a field that does not exist', () => {
    const exercise = `\nexercise:\n  fields:\n    - { name: feeling, type: text, label: How do you feel? }\n  feedback:\n    - when: { field: mood, answered: true }\n      text: Fine.`;
    expect(problemsOf({ 'self-help/one/ex.md': page({ ...good, kind: 'exercise' }).replace('sources: []', `sources: []${exercise}`) })).toEqual([
      expect.stringContaining('ex.md: field "exercise.feedback.0.when.field": no field is called "mood"'),
    ]);
  });

  it('a folder not listed in areas.yaml, and a listed folder that does not exist', () => {
    const problems = problemsOf({ 'toolkit/stray/index.md': page({ ...good, kind: 'introduction' }) }, 'self-help:\n  title: S\n  summary: S\n  groups: [one]\ntoolkit:\n  title: T\n  summary: T\n  groups: [two, gone]\n');
    expect(problems).toEqual([expect.stringContaining('toolkit/stray: this folder is not listed'), expect.stringContaining('lists "gone", but')]);
  });

  it('a date that is not a date', () => {
    expect(problemsOf({ 'toolkit/two/page.md': page({ ...good, reviewed: 'last week' }) })).toEqual([expect.stringContaining('field "reviewed": use a date like 2026-11-23')]);
  });
});
