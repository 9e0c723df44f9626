import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../modules/content/markdown';
import { getContentLibrary } from '../../../modules/content/index';
import type { ContentGroup, ContentPage } from '../../../modules/content/library';
import { decodeEntities, packDocument, packFileName, pageSections, pageText } from '../../../modules/practitioners/pack-document';
import { listPacks } from '../../../modules/practitioners/packs';

const html = (markdown: string) => renderMarkdown(markdown).html;

function page(overrides: Partial<ContentPage> = {}): ContentPage {
  return {
    area: 'toolkit',
    group: 'example',
    slug: 'a-page',
    path: '/toolkit/example/a-page',
    file: 'content/toolkit/example/a-page.md',
    title: 'A page',
    summary: 'What this page is about, in a sentence.',
    audience: ['everyone'],
    kind: 'guide',
    order: 1,
    reviewed: '2026-11-23',
    law: false,
    keywords: [],
    sources: [],
    html: html('Hello.'),
    text: 'Hello.',
    exercise: null,
    ...overrides,
  };
}

describe('reading a rendered page as text', () => {
  it('keeps paragraphs, lists and headings in reading order', () => {
    const text = pageText(
      html(['First paragraph.', '', '- one', '- two', '', 'Between the lists.', '', '1. first', '2. second', '', '## A heading', '', 'Under it.', '', '### Smaller', '', 'Deeper.'].join('\n')),
    );
    expect(text.blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'list', items: ['one', 'two'], numbered: false },
      { kind: 'paragraph', text: 'Between the lists.' },
      { kind: 'list', items: ['first', 'second'], numbered: true },
    ]);
    expect(text.sections).toEqual([
      { heading: 'A heading', depth: 2, blocks: [{ kind: 'paragraph', text: 'Under it.' }] },
      { heading: 'Smaller', depth: 3, blocks: [{ kind: 'paragraph', text: 'Deeper.' }] },
    ]);
  });

  it('keeps the words of bold, emphasis and links, and gives the address of a link to another website', () => {
    const text = pageText(html('Call **Childline** on [0800 1111](tel:08001111) or read [their advice](https://www.childline.org.uk/) and [our toolkit](/toolkit).'));
    expect(text.blocks).toEqual([{ kind: 'paragraph', text: 'Call Childline on 0800 1111 or read their advice (https://www.childline.org.uk/) and our toolkit.' }]);
  });

  it('decodes the characters the sanitiser escaped', () => {
    const text = pageText(html("Fish & chips < \"quotes\" and 'apostrophes' — 5 > 4"));
    expect(text.blocks[0]).toEqual({ kind: 'paragraph', text: "Fish & chips < \"quotes\" and 'apostrophes' — 5 > 4" });
    expect(decodeEntities('&#x1F4A5; &#65; &unknown; &#0;')).toBe('💥 A &unknown; &#0;');
  });

  it('flattens nested lists into one list, marking the inner items', () => {
    const text = pageText(html(['- outer one', '  - inner', '  - inner two', '- outer two'].join('\n')));
    expect(text.blocks).toEqual([{ kind: 'list', items: ['outer one', '– inner', '– inner two', 'outer two'], numbered: false }]);
  });

  it('keeps the paragraphs of a list item apart when the HTML has them', () => {
    const text = pageText('<ul class="govuk-list"><li><p class="govuk-body">first part</p><p class="govuk-body">second part</p></li></ul>');
    expect(text.blocks).toEqual([{ kind: 'list', items: ['first part second part'], numbered: false }]);
  });

  it('turns a quoted block into paragraphs, and table rows into list items naming their columns', () => {
    const text = pageText(html(['> If a child is in danger, call 999.', '', '| Who | Number |', '| --- | --- |', '| Police | 999 |', '| NHS 24 | 111 |'].join('\n')));
    expect(text.blocks).toEqual([
      { kind: 'paragraph', text: 'If a child is in danger, call 999.' },
      { kind: 'list', items: ['Who: Police; Number: 999', 'Who: NHS 24; Number: 111'] },
    ]);
  });

  it('reads nothing from an empty page', () => {
    expect(pageText('')).toEqual({ blocks: [], sections: [] });
  });
});

describe('a page as sections of a pack', () => {
  it('starts a new page with the title, then the summary, the text, the sources and when it was reviewed', () => {
    const sections = pageSections(
      page({ html: html('Intro.\n\n## Part\n\nText.'), sources: [{ url: 'https://www.legislation.gov.uk/ukpga/1982/45', supports: 'Section 52 makes it an offence.' }] }),
      { siteUrl: 'https://example.scot' },
    );
    expect(sections.map((s) => [s.heading, s.level])).toEqual([
      ['A page', 'page'],
      ['Part', 'section'],
      ['Sources', 'subheading'],
    ]);
    expect(sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'What this page is about, in a sentence.' },
      { kind: 'paragraph', text: 'Intro.' },
    ]);
    expect(sections[2]!.blocks).toEqual([
      { kind: 'list', items: ['Section 52 makes it an offence. https://www.legislation.gov.uk/ukpga/1982/45'] },
      { kind: 'paragraph', text: 'Online at https://example.scot/toolkit/example/a-page. Last reviewed on 23 November 2026.' },
    ]);
  });

  it('lists the questions of an exercise page, since the form itself cannot be printed', () => {
    const sections = pageSections(
      page({
        kind: 'exercise',
        exercise: {
          fields: [
            { name: 'rules', type: 'list', label: 'Our household rules', hint: 'For example: knock first.', items: 3, optional: false },
            { name: 'date', type: 'text', label: 'When we will look again', optional: true },
          ],
          printable: true,
          introHtml: html('Fill in each part.'),
          feedback: [],
        },
      }),
    );
    const questions = sections.find((s) => s.heading === 'The questions on this page')!;
    expect(questions.blocks).toContainEqual({ kind: 'paragraph', text: 'Fill in each part.' });
    expect(questions.blocks).toContainEqual({ kind: 'list', items: ['Our household rules. For example: knock first.', 'When we will look again'], numbered: true });
  });
});

describe('the packs of the real toolkit', () => {
  const library = getContentLibrary();

  it('has one pack for each toolkit section, in the toolkit order', () => {
    const packs = listPacks(library);
    expect(packs.map((p) => p.section)).toEqual(library.areas.toolkit.groups.map((g) => g.slug));
    expect(packs.find((p) => p.section === 'warning-signs')?.fileName).toBe('stop-it-now-scotland-warning-signs-pack.pdf');
  });

  for (const group of getContentLibrary().areas.toolkit.groups) {
    it(`${group.slug}: a title page with the contents, then every page in order, with all its words`, () => {
      const model = packDocument(group as ContentGroup);
      const pages = [group.introduction, ...group.pages];
      expect(model.title).toBe(group.introduction.title);
      expect(model.sections[0]!.level ?? 'section').toBe('section');
      expect(model.sections[0]!.blocks).toContainEqual({ kind: 'list', items: pages.map((p) => p.title), numbered: true });
      expect(model.sections.filter((s) => s.level === 'page').map((s) => s.heading)).toEqual(pages.map((p) => p.title));
      expect(packFileName(group)).toMatch(/^[a-z0-9-]+\.pdf$/);

      // Every word of every page reaches the pack (the converter drops no text).
      const packText = JSON.stringify(model.sections).replace(/\s+/g, ' ');
      for (const p of pages) {
        for (const line of p.text.split('\n').filter((l) => l.trim().length > 20)) {
          const words = line.replace(/\s+/g, ' ').trim().slice(0, 40);
          expect(packText, `${p.path}: "${words}"`).toContain(JSON.stringify(words).slice(1, -1));
        }
      }
    });
  }
});
