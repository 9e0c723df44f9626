/**
 * Programme statistics for CHOICE managers: how closed cases ended, by route, and how
 * many cases are at each stage now. Counts only, grouped in the database: no person,
 * no case, nothing a count of one could not already say on the case list.
 */
import { sql } from 'kysely';
import { CASE_OUTCOME_CODES, REFERRAL_ROUTES, type CaseOutcomeCode, type ReferralRoute } from '../../db/schema';
import type { Executor } from '../audit/record';
import { dayInScotland } from '../referrals/dates';

export const FIRST_STATISTICS_YEAR = 2020;

export interface OutcomeRow {
  outcome: CaseOutcomeCode;
  byRoute: Record<ReferralRoute, number>;
  total: number;
}

export interface CaseStatistics {
  /** The calendar year the closures are counted for (closed in Scotland's time), or null for all time. */
  year: number | null;
  outcomes: OutcomeRow[];
  closedTotal: number;
  /** Of the cases that reached the programme's end, the share that completed it (0–100), or null with none. */
  completionRate: number | null;
  /** Cases open now, by state (drafts are the referrers' own and are not counted). */
  openByState: Record<string, number>;
}

/** The year asked for in `?year=`: a whole year the service could have data for, 'all', or an error message. */
export function parseStatisticsYear(value: string | null, now = new Date()): { year: number | null } | { error: string } {
  const thisYear = Number(dayInScotland(now).slice(0, 4));
  if (value === null || value === '') return { year: thisYear };
  if (value === 'all') return { year: null };
  if (!/^\d{4}$/.test(value)) return { error: 'Enter a year as four digits, for example 2026' };
  const year = Number(value);
  if (year < FIRST_STATISTICS_YEAR || year > thisYear) return { error: `Enter a year from ${FIRST_STATISTICS_YEAR} to ${thisYear}` };
  return { year };
}

export async function caseStatistics(db: Executor, year: number | null): Promise<CaseStatistics> {
  let closed = db
    .selectFrom('referral')
    .select(['outcome_code', 'route', (eb) => eb.fn.countAll<string>().as('n')])
    .where('state', '=', 'closed')
    .where('outcome_code', 'is not', null)
    .groupBy(['outcome_code', 'route']);
  if (year !== null) {
    closed = closed.where(sql<number>`extract(year from closed_at at time zone 'Europe/London')`, '=', year);
  }
  const [closedRows, openRows] = await Promise.all([
    closed.execute(),
    db
      .selectFrom('referral')
      .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
      .where('state', 'not in', ['draft', 'closed'])
      .groupBy('state')
      .execute(),
  ]);
  const outcomes = CASE_OUTCOME_CODES.map((outcome): OutcomeRow => {
    const byRoute = Object.fromEntries(REFERRAL_ROUTES.map((route) => [route, 0])) as Record<ReferralRoute, number>;
    for (const row of closedRows) if (row.outcome_code === outcome && row.route) byRoute[row.route] += Number(row.n);
    return { outcome, byRoute, total: Object.values(byRoute).reduce((a, b) => a + b, 0) };
  });
  const count = (code: CaseOutcomeCode) => outcomes.find((row) => row.outcome === code)!.total;
  const ended = outcomes.filter((row) => row.outcome.startsWith('ended_early_')).reduce((sum, row) => sum + row.total, 0);
  const finished = count('completed') + ended;
  return {
    year,
    outcomes,
    closedTotal: outcomes.reduce((sum, row) => sum + row.total, 0),
    completionRate: finished ? Math.round((count('completed') / finished) * 100) : null,
    openByState: Object.fromEntries(openRows.map((row) => [row.state, Number(row.n)])),
  };
}
