/**
 * How long a referral has waited and how near its deadline is, in words. Pure (the
 * caller passes "now"), so the queue, the case page and unit tests agree. Days are
 * days in Scotland; working days are Monday to Friday (public holidays are not known
 * here, so a wait over a holiday reads one working day longer than it was).
 */
import { dayInScotland } from './dates';

/** A deadline this close (or closer) is flagged. */
export const URGENT_DAYS = 10;

const DAY_MS = 86_400_000;

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Monday to Friday days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    // Day 0 of the epoch (1 January 1970) was a Thursday.
    const weekday = (day + 4) % 7; // 0 = Sunday
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface Waiting {
  days: number;
  workingDays: number;
  text: string;
}

/** "Sent today", "1 day (1 working day)", "12 days (8 working days)". */
export function waitingTime(since: Date, now: Date): Waiting {
  const from = dayInScotland(since);
  const to = dayInScotland(now);
  const days = Math.max(0, daysBetween(from, to));
  const workingDays = workingDaysBetween(from, to);
  const text = days === 0 ? 'Sent today' : `${plural(days, 'day')} (${plural(workingDays, 'working day')})`;
  return { days, workingDays, text };
}

export interface Deadline {
  day: string;
  daysLeft: number;
  /** 10 days or fewer left, or already passed. */
  urgent: boolean;
  text: string;
}

/** The decision date as days left: "Today", "Tomorrow", "12 days left", "Passed 3 days ago". */
export function deadline(day: string | null, now: Date): Deadline | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const daysLeft = daysBetween(dayInScotland(now), day);
  const text =
    daysLeft === 0 ? 'Today' : daysLeft === 1 ? 'Tomorrow' : daysLeft > 1 ? `${daysLeft} days left` : daysLeft === -1 ? 'Passed yesterday' : `Passed ${-daysLeft} days ago`;
  return { day, daysLeft, urgent: daysLeft <= URGENT_DAYS, text };
}
