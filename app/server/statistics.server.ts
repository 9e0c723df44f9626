/**
 * CHOICE managers' statistics: closed cases by outcome and route for a year, and open
 * cases by stage. Counts only.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { caseStatistics, FIRST_STATISTICS_YEAR, parseStatisticsYear } from '#modules/stats/case-outcomes';
import { dayInScotland } from '#modules/referrals/dates';
import { requireStaff } from './staff-auth.server';

export async function statisticsLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, 'case:read:service');
  const asked = new URL(args.request.url).searchParams.get('year');
  const parsed = parseStatisticsYear(asked);
  const thisYear = Number(dayInScotland(new Date()).slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_STATISTICS_YEAR + 1 }, (_, i) => thisYear - i);
  if ('error' in parsed) {
    return json({ error: parsed.error, asked: (asked ?? '').slice(0, 20), years, statistics: await caseStatistics(args.context.db, thisYear) }, { status: 400 });
  }
  return json({ error: null, asked: parsed.year === null ? 'all' : String(parsed.year), years, statistics: await caseStatistics(args.context.db, parsed.year) });
}
