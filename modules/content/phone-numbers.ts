/**
 * Phone numbers one tap away: finding them in text and linking them with `tel:`.
 * Pure, so pages in the browser and the Markdown renderer share it.
 */

/** The `tel:` address of a number as people write it: "0800 83 85 87" → "tel:0800838587". */
export const telHref = (number: string) => `tel:${number.replace(/\D/g, '')}`;

/**
 * A phone number as people write it in Scotland: a UK number starting 0 (8 to 11
 * digits, in groups), or one of the short numbers 999, 101, 111 and 116 123.
 */
export const PHONE_NUMBER = /(?<![\d.,/:-])(?:0\d{2,4}(?:[ \u00a0]\d{2,4}){1,3}|0\d{9,10}|116[ \u00a0]?123|999|101|111)(?![\d.,/:-]?\d)/g;

function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return !text.startsWith('0') || (digits >= 8 && digits <= 11);
}

/**
 * Every phone number in this HTML's text, outside an existing link, becomes a link a
 * phone can call. Tags and attributes are left alone.
 */
export function linkPhoneNumbers(html: string): string {
  let inLink = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) inLink++;
        else if (/^<\/a>/i.test(part)) inLink = Math.max(0, inLink - 1);
        return part;
      }
      if (inLink) return part;
      return part.replace(PHONE_NUMBER, (match) => (isPhoneNumber(match) ? `<a href="${telHref(match)}" class="govuk-link app-tel">${match}</a>` : match));
    })
    .join('');
}
