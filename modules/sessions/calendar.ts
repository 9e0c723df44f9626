/**
 * Days and weeks as CHOICE lives them: in Scotland's time zone (GMT in winter, BST in
 * summer), with weeks from Monday to Sunday named as ISO weeks ("2026-W48"). Days are
 * 'YYYY-MM-DD' strings, as elsewhere (modules/referrals/dates.ts); a day becomes a
 * moment only at its start, here. Pure: the diary, the reminders and their tests use it.
 */
import { dayInScotland, formatDay } from '../referrals/dates';
import { isoWeek } from '../stats/check-counts';
import { fromScottishClock, SCOTTISH_TIME_ZONE } from './times';

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: SCOTTISH_TIME_ZONE, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const utcOf = (day: string) => {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`Not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
};

/** The moment a day starts in Scotland (midnight always exists: the clocks change at 01:00 UTC). */
export function startOfDayInScotland(day: string): Date {
  const midnight = fromScottishClock(day, '00:00');
  if (midnight.status !== 'ok') throw new RangeError(`Not a day: ${day}`);
  return midnight.at;
}

/** The day `days` after (or before) this one. */
export function addDays(day: string, days: number): string {
  return new Date(utcOf(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 1 for Monday to 7 for Sunday. */
export function weekdayNumber(day: string): number {
  return new Date(utcOf(day)).getUTCDay() || 7;
}

/** The Monday of the week this day is in. */
export const mondayOf = (day: string): string => addDays(day, 1 - weekdayNumber(day));

/** The ISO week a day is in: '2026-W48'. */
export const isoWeekOf = (day: string): string => isoWeek(new Date(utcOf(day)));

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of an ISO week ('2026-W48' → '2026-11-23'); null if there is no such week (2026-W53, 2026-W00). */
export function mondayOfIsoWeek(week: string): string | null {
  const match = WEEK.exec(week);
  if (!match) return null;
  // 4 January is always in week 1.
  const fourth = `${match[1]}-01-04`;
  const monday = addDays(mondayOf(fourth), (Number(match[2]) - 1) * 7);
  return isoWeekOf(monday) === week ? monday : null;
}

/** The seven days of the week that starts on this Monday. */
export const daysOfWeek = (monday: string): string[] => Array.from({ length: 7 }, (_, index) => addDays(monday, index));

/** Today and tomorrow in Scotland, and when tomorrow starts and ends, at `now`. */
export function tomorrowInScotland(now: Date): { day: string; from: Date; to: Date } {
  const day = addDays(dayInScotland(now), 1);
  return { day, from: startOfDayInScotland(day), to: startOfDayInScotland(addDays(day, 1)) };
}

/** 'Monday 23 November 2026'. */
export const formatWeekday = (day: string): string => `${WEEKDAYS[weekdayNumber(day) - 1]} ${formatDay(day)}`;

/** '09:30', on Scotland's clocks. */
export const formatTime = (at: Date): string => TIME.format(at);

/** '23 to 29 November 2026', '30 November to 6 December 2026', '28 December 2026 to 3 January 2027'. */
export function formatWeekRange(monday: string): string {
  const sunday = addDays(monday, 6);
  const [first, last] = [formatDay(monday).split(' '), formatDay(sunday).split(' ')] as [string[], string[]];
  if (first[2] !== last[2]) return `${formatDay(monday)} to ${formatDay(sunday)}`;
  if (first[1] !== last[1]) return `${first[0]} ${first[1]} to ${formatDay(sunday)}`;
  return `${first[0]} to ${formatDay(sunday)}`;
}
