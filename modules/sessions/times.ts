/**
 * Session times as people in Scotland type and read them: a day and a time on the
 * clock in Europe/London, turned into an exact moment and back. The offset is asked of
 * Intl for the moment itself, never fixed, so a session after the clocks change is at
 * the time the worker typed. Two hours a year need a rule: in March the clocks jump
 * from 01:00 to 02:00, so 01:30 does not exist that day; in October 01:00 to 02:00
 * happens twice, and the first (still summer time) is taken.
 */

export const SCOTTISH_TIME_ZONE = 'Europe/London';

// Made once: building an Intl formatter costs far more than using one.
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCOTTISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface ClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function clockAt(date: Date): ClockParts {
  const parts: Record<string, number> = {};
  for (const part of PARTS.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far Scottish clocks are ahead of UTC at this moment, in milliseconds (0 in winter, an hour in summer). */
function offsetAt(instant: number): number {
  const clock = clockAt(new Date(instant));
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A day ('YYYY-MM-DD') and a time ('HH:MM') on Scottish clocks. */
export interface ScottishClock {
  day: string;
  time: string;
}

export type ClockReading = { status: 'ok'; at: Date } | { status: 'invalid' } | { status: 'skipped' };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The moment a Scottish clock shows this day and time. 'skipped' for a time the clocks
 * jump over in spring; the earlier of the two moments for a time that happens twice in
 * autumn; 'invalid' for a day or time that cannot be.
 */
export function fromScottishClock(day: string, time: string): ClockReading {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dayMatch || !timeMatch) return { status: 'invalid' };
  const [year, month, date, hour, minute] = [...dayMatch.slice(1), ...timeMatch.slice(1)].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return { status: 'invalid' };
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  if (new Date(wall).toISOString().slice(0, 10) !== day) return { status: 'invalid' };
  // The offsets either side of the wanted time: around a change of the clocks, two differ.
  const offsets = [...new Set([offsetAt(wall - 12 * 3_600_000), offsetAt(wall), offsetAt(wall + 12 * 3_600_000)])];
  const matches = offsets
    .map((offset) => wall - offset)
    .filter((instant) => {
      const clock = toScottishClock(new Date(instant));
      return clock.day === day && clock.time === time;
    })
    .sort((a, b) => a - b);
  return matches.length ? { status: 'ok', at: new Date(matches[0]!) } : { status: 'skipped' };
}

/** The day and time a Scottish clock shows at this moment. */
export function toScottishClock(at: Date): ScottishClock {
  const clock = clockAt(at);
  return { day: `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`, time: `${pad(clock.hour)}:${pad(clock.minute)}` };
}

/** A time as typed ('14:30', '9:05', '09.05' or '1430') on a 24-hour clock, as 'HH:MM'; null if it is not one. */
export function readClockTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** '3 December 2026' ('Thursday 3 December 2026' with the weekday), on Scottish clocks. */
export function formatSessionDay(at: Date, options: { weekday?: boolean; year?: boolean } = {}): string {
  const { day } = toScottishClock(at);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]!;
  return `${options.weekday ? `${weekday} ` : ''}${date} ${MONTHS[month - 1]!}${options.year === false ? '' : ` ${year}`}`;
}

/** '14:00 to 15:00', on Scottish clocks. */
export function formatSessionTimes(startsAt: Date, endsAt: Date): string {
  return `${toScottishClock(startsAt).time} to ${toScottishClock(endsAt).time}`;
}

/**
 * 'from 14:00 to 15:00 on 3 December': the year only when it is not the year of `now`
 * (in Scotland), as people say it; always the year when `now` is null (text that is kept).
 */
export function describeSessionSlot(startsAt: Date, endsAt: Date, now: Date | null): string {
  const sameYear = now !== null && toScottishClock(startsAt).day.slice(0, 4) === toScottishClock(now).day.slice(0, 4);
  return `from ${formatSessionTimes(startsAt, endsAt)} on ${formatSessionDay(startsAt, { year: !sameYear })}`;
}
