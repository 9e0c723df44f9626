import { describe, expect, it } from 'vitest';
import { daysBetween, deadline, waitingTime, workingDaysBetween } from '../../../modules/referrals/waiting';

// Monday 23 November 2026, early afternoon in Scotland (GMT).
const NOW = new Date('2026-11-23T13:00:00Z');

describe('how long a referral has waited, in words', () => {
  it('says a referral sent today was sent today', () => {
    expect(waitingTime(new Date('2026-11-23T08:30:00Z'), NOW)).toEqual({ days: 0, workingDays: 0, text: 'Sent today' });
  });

  it('counts days, and working days without the weekend', () => {
    // Friday 20 November: three days, one working day (Monday).
    expect(waitingTime(new Date('2026-11-20T16:00:00Z'), NOW)).toEqual({ days: 3, workingDays: 1, text: '3 days (1 working day)' });
    expect(waitingTime(new Date('2026-11-22T10:00:00Z'), NOW).text).toBe('1 day (1 working day)');
    expect(waitingTime(new Date('2026-11-09T10:00:00Z'), NOW).text).toBe('14 days (10 working days)');
  });

  it('counts days in Scotland, not in UTC', () => {
    // 23:30 on 22 June UTC is already 23 June in Scotland (BST).
    expect(waitingTime(new Date('2026-06-22T23:30:00Z'), new Date('2026-06-23T09:00:00Z')).text).toBe('Sent today');
  });

  it('counts working days across a weekend and from a weekend', () => {
    expect(workingDaysBetween('2026-11-21', '2026-11-23')).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(daysBetween('2026-11-30', '2026-11-23')).toBe(-7);
  });
});

describe('the decision date as days left', () => {
  it.each([
    ['2026-11-23', 0, true, 'Today'],
    ['2026-11-24', 1, true, 'Tomorrow'],
    ['2026-12-03', 10, true, '10 days left'],
    ['2026-12-04', 11, false, '11 days left'],
    ['2026-11-22', -1, true, 'Passed yesterday'],
    ['2026-11-20', -3, true, 'Passed 3 days ago'],
  ] as const)('%s is %i days away: urgent %s, "%s"', (day, daysLeft, urgent, text) => {
    expect(deadline(day, NOW)).toEqual({ day, daysLeft, urgent, text });
  });

  it('has no deadline when none is given', () => {
    expect(deadline(null, NOW)).toBeNull();
    expect(deadline('not a day', NOW)).toBeNull();
  });
});
