/**
 * Markdown to HTML with GOV.UK Frontend's classes, sanitised, and the links it
 * contains (so the library can refuse a link to a page that does not exist).
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { expandHelplineTokens } from './helplines';
import { linkPhoneNumbers } from './phone-numbers';

const HEADING_CLASS: Record<number, string> = { 2: 'govuk-heading-m', 3: 'govuk-heading-s', 4: 'govuk-heading-s' };

function createMarked(collectLink: (href: string) => void): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        // The page title is the only h1; content headings start at h2.
        const level = Math.min(Math.max(depth, 2), 4);
        return `<h${level} class="${HEADING_CLASS[level]}">${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      paragraph({ tokens }: Tokens.Paragraph) {
        return `<p class="govuk-body">${this.parser.parseInline(tokens)}</p>\n`;
      },
      list(token: Tokens.List) {
        const tag = token.ordered ? 'ol' : 'ul';
        const kind = token.ordered ? 'govuk-list--number' : 'govuk-list--bullet';
        const items = token.items.map((item) => `<li>${this.parser.parse(item.tokens).replace(/<p class="govuk-body">([\s\S]*?)<\/p>\n?/g, '$1')}</li>`);
        return `<${tag} class="govuk-list ${kind}">${items.join('')}</${tag}>\n`;
      },
      blockquote({ tokens }: Tokens.Blockquote) {
        return `<div class="govuk-inset-text">${this.parser.parse(tokens)}</div>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        collectLink(href);
        const text = this.parser.parseInline(tokens);
        if (/^https?:\/\//.test(href)) {
          return `<a href="${href}" class="govuk-link" rel="noreferrer noopener">${text}</a>`;
        }
        return `<a href="${href}" class="govuk-link">${text}</a>`;
      },
      table(token: Tokens.Table) {
        const head = token.header.map((cell) => `<th scope="col" class="govuk-table__header">${this.parser.parseInline(cell.tokens)}</th>`).join('');
        const rows = token.rows
          .map((row) => `<tr class="govuk-table__row">${row.map((cell) => `<td class="govuk-table__cell">${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`)
          .join('');
        return `<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>\n`;
      },
      hr() {
        return '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">\n';
      },
      image() {
        // Content carries no images: nothing may load from elsewhere.
        return '';
      },
      html() {
        return '';
      },
    },
  });
}

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'code', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br'],
  allowedAttributes: { a: ['href', 'class', 'rel'], th: ['scope', 'class'], '*': ['class'] },
  allowedSchemes: ['https', 'http', 'tel', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
};

export interface RenderedMarkdown {
  html: string;
  links: string[];
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const links: string[] = [];
  const marked = createMarked((href) => links.push(href));
  // Every phone number is one tap away: authors write numbers as plain text.
  const html = linkPhoneNumbers(sanitizeHtml(marked.parse(expandHelplineTokens(markdown), { async: false }) as string, SANITISE));
  return { html, links };
}

/** The words a reader reads, for search and readability scores. */
export function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h\d|td|th|div)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
