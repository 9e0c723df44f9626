import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../modules/stats/check-counts';

describe('ISO weeks for the weekly counts', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2021-01-03T23:59:59Z', '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });
});
