/**
 * A practitioner pack as a document: one toolkit section, every page in order, made
 * from the content library's rendered pages. The library's HTML comes from our own
 * Markdown renderer and has been through sanitize-html, so it holds only a known,
 * small set of tags with quoted attributes and escaped text; a small reader is enough.
 */
import type { DocumentBlock, DocumentModel, DocumentSection } from '../documents/pdf';
import type { ContentGroup, ContentPage } from '../content/library';

export const PACK_FOOTER = 'Stop It Now helpline: 0808 1000 900 (free and confidential). In an emergency, call 999. Samaritans: 116 123.';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const attribute = (tag: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
};

const tidy = (text: string) => text.replace(/[ \t\r\f\v]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();

export interface PageText {
  /** Paragraphs and lists before the first heading. */
  blocks: DocumentBlock[];
  /** Each heading in the page, with what follows it. */
  sections: Array<{ heading: string; depth: 2 | 3 | 4; blocks: DocumentBlock[] }>;
}

/**
 * The headings, paragraphs and lists of a rendered page, as plain text in reading
 * order. Links keep their words; a link to another website also gives its address,
 * since a printed page cannot be clicked. Table rows become list items.
 */
export function pageText(html: string): PageText {
  const result: PageText = { blocks: [], sections: [] };
  let target = result.blocks;
  let buffer = '';
  let heading: 2 | 3 | 4 | null = null;
  const lists: Array<{ block: Extract<DocumentBlock, { kind: 'list' }>; depth: number }> = [];
  let listDepth = 0;
  let table: { header: string[]; rows: string[][]; inHead: boolean; row: string[] | null } | null = null;
  let linkAddress: string | null = null;

  const take = () => {
    const text = tidy(buffer);
    buffer = '';
    return text;
  };
  const flushItem = () => {
    const text = take();
    const list = lists.at(-1);
    if (text && list) list.block.items.push(`${'– '.repeat(Math.max(0, listDepth - 1))}${text}`);
  };
  const flushParagraph = () => {
    const text = take();
    if (text) target.push({ kind: 'paragraph', text });
  };

  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^>]*)?)\/?>|([^<]+)/g)) {
    const [whole, closing, rawName, , text] = match;
    if (text !== undefined) {
      buffer += decodeEntities(text).replace(/\s+/g, ' ');
      continue;
    }
    const name = rawName!.toLowerCase();
    const open = !closing;
    switch (name) {
      case 'h2':
      case 'h3':
      case 'h4':
        if (open) {
          if (!listDepth && !table) flushParagraph();
          heading = Number(name[1]) as 2 | 3 | 4;
        } else if (heading) {
          const section = { heading: take(), depth: heading, blocks: [] as DocumentBlock[] };
          heading = null;
          if (section.heading) {
            result.sections.push(section);
            target = section.blocks;
          }
        }
        break;
      case 'p':
        // A paragraph inside a list item, a cell or a heading only separates words.
        if (listDepth || table || heading) buffer += ' ';
        else flushParagraph();
        break;
      case 'br':
        buffer += '\n';
        break;
      case 'ul':
      case 'ol':
        if (open) {
          if (listDepth) flushItem();
          else flushParagraph();
          listDepth++;
          if (listDepth === 1) {
            const block: Extract<DocumentBlock, { kind: 'list' }> = { kind: 'list', items: [], numbered: name === 'ol' };
            target.push(block);
            lists.push({ block, depth: 1 });
          }
        } else if (listDepth) {
          flushItem();
          listDepth--;
          if (listDepth === 0) lists.pop();
        }
        break;
      case 'li':
        if (listDepth) flushItem();
        break;
      case 'a':
        if (open) linkAddress = attribute(whole, 'href');
        else {
          if (linkAddress && /^https?:\/\//.test(linkAddress) && !buffer.includes(linkAddress)) buffer += ` (${linkAddress})`;
          linkAddress = null;
        }
        break;
      case 'table':
        if (open) {
          flushParagraph();
          table = { header: [], rows: [], inHead: false, row: null };
        } else if (table) {
          const { header, rows } = table;
          const items = rows.map((row) => row.map((cell, i) => (header[i] && cell ? `${header[i]}: ${cell}` : cell)).filter(Boolean).join('; '));
          if (items.some(Boolean)) target.push({ kind: 'list', items: items.filter(Boolean) });
          table = null;
        }
        break;
      case 'thead':
        if (table) table.inHead = open;
        break;
      case 'tr':
        if (!table) break;
        if (open) table.row = [];
        else if (table.row) {
          if (table.inHead) table.header = table.row;
          else table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'th':
      case 'td':
        if (!table) break;
        if (open) buffer = '';
        else table.row?.push(take());
        break;
      default:
        // strong, em, code, div, tbody, hr: their words matter, not their look.
        break;
    }
  }
  if (listDepth) flushItem();
  flushParagraph();
  return result;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const longDate = (isoDate: string) => LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));

/** One content page as the sections of a pack: its title starts a new page. */
export function pageSections(page: ContentPage, options: { siteUrl?: string } = {}): DocumentSection[] {
  const text = pageText(page.html);
  const sections: DocumentSection[] = [{ heading: page.title, level: 'page', blocks: [{ kind: 'paragraph', text: page.summary }, ...text.blocks] }];
  for (const section of text.sections) sections.push({ heading: section.heading, level: section.depth === 2 ? 'section' : 'subheading', blocks: section.blocks });
  if (page.exercise) {
    const intro = page.exercise.introHtml ? pageText(page.exercise.introHtml).blocks : [];
    const questions = page.exercise.fields.map((field) => (field.hint ? `${field.label}. ${field.hint.trim()}` : field.label));
    sections.push({
      heading: 'The questions on this page',
      level: 'section',
      blocks: [
        { kind: 'paragraph', text: 'Online, this page is a form that a person fills in for themselves; nothing they type is kept. These are its questions, for working through on paper.' },
        ...intro,
        { kind: 'list', items: questions, numbered: true },
      ],
    });
  }
  if (page.sources.length) {
    sections.push({ heading: 'Sources', level: 'subheading', blocks: [{ kind: 'list', items: page.sources.map((s) => `${s.supports} ${s.url}`) }] });
  }
  const where = options.siteUrl ? `Online at ${options.siteUrl}${page.path}. ` : '';
  sections.at(-1)!.blocks!.push({ kind: 'paragraph', text: `${where}Last reviewed on ${longDate(page.reviewed)}.` });
  return sections;
}

/** The newest review date among the pages, as YYYY-MM-DD. */
const latestReview = (pages: ContentPage[]) => pages.map((p) => p.reviewed).sort().at(-1)!;

/** A whole toolkit section as one document: a title page with its contents, then every page in order. */
export function packDocument(group: ContentGroup, options: { siteUrl?: string } = {}): DocumentModel {
  const pages = [group.introduction, ...group.pages];
  return {
    title: group.introduction.title,
    subtitle: `Practitioner pack from the Stop It Now Scotland toolkit. Pages last reviewed on ${longDate(latestReview(pages))}.`,
    subject: `Practitioner pack: ${group.introduction.title}`,
    notice:
      'This pack holds every page of one section of the toolkit, for people who work with children, families or adults. The pages online are kept up to date; check them before relying on a printed copy.',
    sections: [
      { heading: 'In this pack', blocks: [{ kind: 'paragraph', text: group.introduction.summary }, { kind: 'list', items: pages.map((p) => p.title), numbered: true }] },
      ...pages.flatMap((page) => pageSections(page, options)),
    ],
    footer: PACK_FOOTER,
  };
}

export function packFileName(group: ContentGroup): string {
  return `stop-it-now-scotland-${group.slug}-pack.pdf`;
}
