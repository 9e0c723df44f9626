/** Text typed by people, on its way into a query. */

/** Control characters: PostgreSQL text cannot hold a NUL, and no name or search needs the others. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Typed text with control characters as spaces, trimmed and cut to `max` (empty becomes undefined). */
export function searchText(value: string | null | undefined, max = 200): string | undefined {
  return (value ?? '').replace(new RegExp(HIDDEN_CHARACTERS.source, 'g'), ' ').trim().slice(0, max) || undefined;
}

/** A pattern for ILIKE that finds `text` anywhere: `%`, `_` and `\` typed into a search box mean themselves. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
