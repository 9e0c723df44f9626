import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from '../../../modules/content/markdown';

describe('rendering content', () => {
  it('uses GOV.UK classes and starts headings at h2', () => {
    const { html } = renderMarkdown('# Top\n\nA paragraph.\n\n- one\n- two\n\n> Remember this.');
    expect(html).toContain('<h2 class="govuk-heading-m">Top</h2>');
    expect(html).toContain('<p class="govuk-body">A paragraph.</p>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet"><li>one</li><li>two</li></ul>');
    expect(html).toContain('<div class="govuk-inset-text">');
  });

  it('never lets script, handlers, images or javascript links through', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n![x](https://tracker.example/x.png)\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|onerror|<img|javascript:/i);
  });

  it('marks links to other sites so no referrer is sent, and collects every link', () => {
    const rendered = renderMarkdown('[ours](/toolkit/get-help) and [theirs](https://example.org/page)');
    expect(rendered.html).toContain('<a href="https://example.org/page" class="govuk-link" rel="noreferrer noopener">theirs</a>');
    expect(rendered.links).toEqual(['/toolkit/get-help', 'https://example.org/page']);
  });

  it('gives plain text for search and readability', () => {
    expect(plainText(renderMarkdown('## Help\n\nCall *now* &amp; talk.').html)).toBe('Help\nCall now & talk.');
  });
});
