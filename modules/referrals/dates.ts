/**
 * Days as the referral forms use them: 'YYYY-MM-DD' strings (as PostgreSQL's `date`
 * columns are read), today as it is in Scotland, and the GOV.UK date input's three
 * boxes read into one day with the GOV.UK messages when they cannot be.
 */

// Made once: building an Intl formatter costs far more than using one.
const SCOTTISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or the day of `now`) in Scotland, as 'YYYY-MM-DD'. */
export function dayInScotland(now: Date = new Date()): string {
  return SCOTTISH_DAY.format(now);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-11-23' as '23 November 2026'. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1] ?? ''} ${year}`;
}

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

export type DatePart = keyof DateParts;
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** Month names people type instead of numbers ("Nov", "november"). */
const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text) >= 1 && Number(text) <= 12 ? Number(text) : null;
  const lower = text.toLowerCase();
  const index = lower.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(lower)) : -1;
  return index >= 0 ? index + 1 : null;
}

export type ReadDate = { status: 'empty' } | { status: 'day'; day: string } | { status: 'invalid'; message: string; parts: DatePart[] };

/**
 * The three boxes of a GOV.UK date input as one day. `label` starts each message
 * ("Date of birth must include a month"); `parts` says which boxes to highlight.
 */
export function readDateParts(parts: DateParts | undefined, label: string): ReadDate {
  const text = { day: (parts?.day ?? '').trim(), month: (parts?.month ?? '').trim(), year: (parts?.year ?? '').trim() };
  const missing = DATE_PARTS.filter((part) => !text[part]);
  if (missing.length === 3) return { status: 'empty' };
  if (missing.length) {
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
    return { status: 'invalid', message: `${label} must include a ${list}`, parts: missing };
  }
  if (!/^\d{1,2}$/.test(text.day) || Number(text.day) < 1 || Number(text.day) > 31) return { status: 'invalid', message: `${label} must be a real date`, parts: ['day'] };
  const month = monthNumber(text.month);
  if (month === null) return { status: 'invalid', message: `${label} must be a real date`, parts: ['month'] };
  if (!/^\d+$/.test(text.year)) return { status: 'invalid', message: `${label} must be a real date`, parts: ['year'] };
  if (text.year.length !== 4) return { status: 'invalid', message: `The year of the ${lowerFirst(label)} must include 4 numbers`, parts: ['year'] };
  const iso = `${text.year}-${String(month).padStart(2, '0')}-${text.day.padStart(2, '0')}`;
  if (!isRealDay(iso)) return { status: 'invalid', message: `${label} must be a real date`, parts: [...DATE_PARTS] };
  return { status: 'day', day: iso };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Whether 'YYYY-MM-DD' names a day that exists (no 30 February, no 29 February 2026). */
export function isRealDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** A stored day back in the three boxes. */
export function dayToParts(day: string | null | undefined): Required<DateParts> {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return { day: '', month: '', year: '' };
  const [year, month, date] = day.split('-');
  return { day: String(Number(date)), month: String(Number(month)), year: year! };
}
