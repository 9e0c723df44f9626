import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../modules/content/markdown';
import { linkPhoneNumbers, telHref } from '../../../modules/content/phone-numbers';

describe('phone numbers one tap away', () => {
  it('links every way the site writes a number, and calls the number shown', () => {
    const html = renderMarkdown('Call 999, 101, 111, Samaritans on 116 123, Breathing Space on 0800 83 85 87, Childline 0800 1111, the helpline 0808 1000 900 or 0141 287 0555.').html;
    for (const n of ['999', '101', '111', '116 123', '0800 83 85 87', '0800 1111', '0808 1000 900', '0141 287 0555']) expect(html).toContain(`<a href="${telHref(n)}" class="govuk-link app-tel">${n}</a>`);
    expect(telHref('0800 83 85 87')).toBe('tel:0800838587');
  });

  it('leaves years, dates, case references, law sections and numbers already in links alone', () => {
    const text = 'In 2019, 6,010 contacts; 2000 JC 378; section 52A; 2026-11-23; 1,000 people; 24 hours; 3 to 5 days.';
    expect(linkPhoneNumbers(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
    expect(linkPhoneNumbers('<a href="tel:999">999</a> <span title="101">x</span>')).toBe('<a href="tel:999">999</a> <span title="101">x</span>');
  });

  it('states opening hours from content/helplines.yaml, or asks the reader to check them at the source', () => {
    expect(renderMarkdown('Breathing Space, {hours:breathing_space}.').html).toContain('open 6pm to 2am Monday to Thursday');
    const unsourced = renderMarkdown('The helpline, {hours:stop_it_now}.').html;
    expect(unsourced).toContain('check its opening times on its website');
    expect(unsourced).toContain('href="https://www.stopitnow.org.uk/helpline/"');
    expect(() => renderMarkdown('{hours:no_such_line}')).toThrow(/names no line/);
  });
});
