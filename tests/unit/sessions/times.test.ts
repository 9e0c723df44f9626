import { describe, expect, it } from 'vitest';
import { describeSessionSlot, formatSessionDay, formatSessionTimes, fromScottishClock, readClockTime, toScottishClock } from '../../../modules/sessions/times';

const at = (iso: string) => new Date(iso);
const moment = (day: string, time: string) => {
  const reading = fromScottishClock(day, time);
  if (reading.status !== 'ok') throw new Error(`${day} ${time}: ${reading.status}`);
  return reading.at.toISOString();
};

describe('Scottish clock times', () => {
  it('is UTC in winter and an hour ahead in summer', () => {
    expect(moment('2026-12-03', '14:00')).toBe('2026-12-03T14:00:00.000Z');
    expect(moment('2026-07-15', '14:00')).toBe('2026-07-15T13:00:00.000Z');
    expect(moment('2026-01-01', '00:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(moment('2026-06-30', '23:59')).toBe('2026-06-30T22:59:00.000Z');
  });

  it('follows the spring change (last Sunday of March, 01:00 GMT → 02:00 BST)', () => {
    expect(moment('2026-03-28', '14:00')).toBe('2026-03-28T14:00:00.000Z');
    expect(moment('2026-03-29', '00:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(moment('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(moment('2026-03-29', '14:00')).toBe('2026-03-29T13:00:00.000Z');
    expect(moment('2027-03-28', '10:00')).toBe('2027-03-28T09:00:00.000Z');
    // The hour the clocks jump over does not exist.
    expect(fromScottishClock('2026-03-29', '01:00')).toEqual({ status: 'skipped' });
    expect(fromScottishClock('2026-03-29', '01:30')).toEqual({ status: 'skipped' });
    expect(fromScottishClock('2026-03-29', '01:59')).toEqual({ status: 'skipped' });
  });

  it('follows the autumn change (last Sunday of October, 02:00 BST → 01:00 GMT), taking the first of a repeated time', () => {
    expect(moment('2026-10-24', '14:00')).toBe('2026-10-24T13:00:00.000Z');
    expect(moment('2026-10-25', '00:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(moment('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(moment('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(moment('2026-10-25', '14:00')).toBe('2026-10-25T14:00:00.000Z');
    expect(moment('2027-10-31', '09:00')).toBe('2027-10-31T09:00:00.000Z');
  });

  it('reads every moment back as the clock showed it, across a whole year of hours', () => {
    for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 60 * 60_000) {
      const clock = toScottishClock(new Date(instant));
      const back = fromScottishClock(clock.day, clock.time);
      expect(back.status).toBe('ok');
      // The second 01:xx of an October night reads back as the first.
      if (back.status === 'ok' && back.at.getTime() !== instant) expect(instant - back.at.getTime()).toBe(3_600_000);
    }
  });

  it('refuses days and times that cannot be', () => {
    for (const [day, time] of [
      ['2026-02-29', '10:00'],
      ['2026-13-01', '10:00'],
      ['2026-12-03', '24:00'],
      ['2026-12-03', '10:60'],
      ['3 December', '10:00'],
      ['2026-12-03', '10am'],
    ]) {
      expect(fromScottishClock(day!, time!)).toEqual({ status: 'invalid' });
    }
  });

  it('reads a typed 24-hour time in the ways people write it', () => {
    expect(readClockTime('14:30')).toBe('14:30');
    expect(readClockTime(' 9:05 ')).toBe('09:05');
    expect(readClockTime('09.05')).toBe('09:05');
    expect(readClockTime('1430')).toBe('14:30');
    expect(readClockTime('0:00')).toBe('00:00');
    for (const typed of ['', '2pm', '14', '24:00', '12:60', '14:3', '14:300', '-1:00', '１４:３０', '14:30:00']) expect(readClockTime(typed)).toBeNull();
  });

  it('writes days and times as staff read them, in Scotland', () => {
    expect(formatSessionDay(at('2026-12-03T14:00:00Z'))).toBe('3 December 2026');
    expect(formatSessionDay(at('2026-12-03T14:00:00Z'), { weekday: true })).toBe('Thursday 3 December 2026');
    // 23:30 UTC on 30 June is already 1 July in Scotland.
    expect(formatSessionDay(at('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(formatSessionTimes(at('2026-07-01T13:00:00Z'), at('2026-07-01T14:00:00Z'))).toBe('14:00 to 15:00');
    const now = at('2026-11-01T10:00:00Z');
    expect(describeSessionSlot(at('2026-12-03T14:00:00Z'), at('2026-12-03T15:00:00Z'), now)).toBe('from 14:00 to 15:00 on 3 December');
    expect(describeSessionSlot(at('2027-01-05T14:00:00Z'), at('2027-01-05T15:00:00Z'), now)).toBe('from 14:00 to 15:00 on 5 January 2027');
    expect(describeSessionSlot(at('2026-12-03T14:00:00Z'), at('2026-12-03T15:00:00Z'), null)).toBe('from 14:00 to 15:00 on 3 December 2026');
  });
});
