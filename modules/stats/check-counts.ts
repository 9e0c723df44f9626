/**
 * Aggregate counts of finished self-checks: (check, band, ISO week) += 1, in one
 * statement. Nothing else about the person or the moment is written anywhere.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';

/** The ISO 8601 week of a date, in UTC: 2026-W48. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export async function recordCheckCompletion(db: Db, checkId: string, band: string, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('check_completion_count')
    .values({ check_id: checkId, band, iso_week: isoWeek(now), n: 1 })
    .onConflict((oc) => oc.columns(['check_id', 'band', 'iso_week']).doUpdateSet({ n: sql`check_completion_count.n + 1` }))
    .execute();
}

export interface CheckCount {
  check_id: string;
  band: string;
  iso_week: string;
  n: number;
}

export async function checkCounts(db: Db, fromWeek: string, toWeek: string): Promise<CheckCount[]> {
  return db
    .selectFrom('check_completion_count')
    .select(['check_id', 'band', 'iso_week', 'n'])
    .where('iso_week', '>=', fromWeek)
    .where('iso_week', '<=', toWeek)
    .orderBy('iso_week')
    .orderBy('check_id')
    .orderBy('band')
    .execute();
}
