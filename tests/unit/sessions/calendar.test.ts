import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysOfWeek,
  formatTime,
  formatWeekday,
  formatWeekRange,
  isoWeekOf,
  mondayOf,
  mondayOfIsoWeek,
  startOfDayInScotland,
  tomorrowInScotland,
  weekdayNumber,
} from '../../../modules/sessions/calendar';

describe('days and weeks in Scotland', () => {
  it('starts a day at midnight GMT in winter and at midnight BST (23:00 UTC the day before) in summer', () => {
    expect(startOfDayInScotland('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(startOfDayInScotland('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('gets the days the clocks change right: 23 hours in March, 25 in October', () => {
    // 2026: BST starts on Sunday 29 March, ends on Sunday 25 October.
    expect(startOfDayInScotland('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayInScotland('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDayInScotland('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfDayInScotland('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    const hours = (day: string) => (startOfDayInScotland(addDays(day, 1)).getTime() - startOfDayInScotland(day).getTime()) / 3_600_000;
    expect([hours('2026-03-29'), hours('2026-10-25'), hours('2026-11-23')]).toEqual([23, 25, 24]);
  });

  it('counts weeks from Monday and names them as ISO weeks, across the turn of the year', () => {
    expect(weekdayNumber('2026-11-23')).toBe(1);
    expect(weekdayNumber('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    // 1 January 2027 is a Friday: it belongs to 2026's week 53.
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2027-W01')).toBe('2027-01-04');
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2026-W00')).toBeNull();
    expect(mondayOfIsoWeek('2026-W54')).toBeNull();
    expect(mondayOfIsoWeek('26-W01')).toBeNull();
    expect(daysOfWeek('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('knows tomorrow by the clock in Scotland, not in UTC', () => {
    // 23:30 on 30 June in Scotland is 22:30 UTC: tomorrow is 1 July.
    const summer = tomorrowInScotland(new Date('2026-06-30T22:30:00Z'));
    expect(summer.day).toBe('2026-07-01');
    expect(summer.from.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(summer.to.toISOString()).toBe('2026-07-01T23:00:00.000Z');
    // 23:30 UTC on 30 June is already 00:30 on 1 July in Scotland: tomorrow is 2 July.
    expect(tomorrowInScotland(new Date('2026-06-30T23:30:00Z')).day).toBe('2026-07-02');
    // In winter Scotland keeps UTC.
    expect(tomorrowInScotland(new Date('2026-11-23T23:59:00Z')).day).toBe('2026-11-24');
  });

  it('writes days, times and weeks as people read them', () => {
    expect(formatWeekday('2026-11-23')).toBe('Monday 23 November 2026');
    expect(formatTime(new Date('2026-07-01T08:30:00Z'))).toBe('09:30');
    expect(formatTime(new Date('2026-11-23T08:30:00Z'))).toBe('08:30');
    expect(formatWeekRange('2026-11-23')).toBe('23 to 29 November 2026');
    expect(formatWeekRange('2026-11-30')).toBe('30 November to 6 December 2026');
    expect(formatWeekRange('2026-12-28')).toBe('28 December 2026 to 3 January 2027');
  });
});
