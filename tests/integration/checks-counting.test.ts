import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { isoWeek } from '../../modules/stats/check-counts';
import { completeCheck, postStep, SAMPLE_ANSWERS } from '../support/checks';
import { useTestDatabase } from '../support/database';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(db);
    counts[table_name] = result.rows[0]!.n;
  }
  return counts;
}

/** Rows written to every table since the server started, by PostgreSQL's own count. */
async function writes(db: Db): Promise<Record<string, number>> {
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const result = await sql<{ relname: string; n: number }>`
    SELECT relname, (n_tup_ins + n_tup_upd + n_tup_del)::int AS n FROM pg_stat_user_tables`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.relname, r.n]));
}

async function settledWrites(db: Db, expected: (w: Record<string, number>) => boolean): Promise<Record<string, number>> {
  // Statistics reach the shared view when the writing session flushes them; wait for that.
  for (let attempt = 0; attempt < 40; attempt++) {
    const now = await writes(db);
    if (expected(now)) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return writes(db);
}

describe('finishing a self-check', () => {
  const test = useTestDatabase();

  it('writes one counter increment and nothing else, and stepping through writes nothing at all', async () => {
    const rowsBefore = await rowCounts(test.db);
    const writesBefore = await writes(test.db);

    // Stepping through a check (start, questions, back, check answers, a code) writes nothing.
    const started = await postStep(test.db, 'online-viewing', [['intent', 'start']]);
    expect(started.status).toBe(200);
    await postStep(test.db, 'online-viewing', [['question', 'what_viewed'], ['intent', 'answer'], ['response', 'none_yet']]);
    await postStep(test.db, 'online-viewing', [['a:what_viewed', 'none_yet'], ['question', 'how_you_feel'], ['intent', 'code'], ['response', '4']]);
    expect(await rowCounts(test.db)).toEqual(rowsBefore);
    // Weekly viewing of images of 13 to 15 year olds that he cannot stop: act now, by the check's rule table.

    const result = await completeCheck(test.db, 'online-viewing', SAMPLE_ANSWERS['online-viewing']!);
    expect(result.view.kind).toBe('result');
    expect(result.carried).toEqual([]);

    const rowsAfter = await rowCounts(test.db);
    expect(rowsAfter).toEqual({ ...rowsBefore, check_completion_count: rowsBefore.check_completion_count! + 1 });
    const counted = await test.db.selectFrom('check_completion_count').selectAll().execute();
    expect(counted).toEqual([{ check_id: 'online-viewing', band: 'act_now', iso_week: isoWeek(new Date()), n: 1 }]);

    const writesAfter = await settledWrites(test.db, (w) => (w.check_completion_count ?? 0) > (writesBefore.check_completion_count ?? 0));
    for (const [table, n] of Object.entries(writesAfter)) {
      expect(n - (writesBefore[table] ?? 0), `writes to ${table}`).toBe(table === 'check_completion_count' ? 1 : 0);
    }
  });

  it('adds to the same weekly row the next time, in one statement', async () => {
    await completeCheck(test.db, 'online-viewing', SAMPLE_ANSWERS['online-viewing']!);
    const counted = await test.db.selectFrom('check_completion_count').selectAll().where('check_id', '=', 'online-viewing').execute();
    expect(counted).toEqual([expect.objectContaining({ band: 'act_now', n: 2 })]);
  });

  it('every check can be completed and counts under its own band', async () => {
    for (const [check, answers] of Object.entries(SAMPLE_ANSWERS)) {
      const result = await completeCheck(test.db, check, answers);
      expect(result.view.kind, check).toBe('result');
    }
    const checks = await test.db.selectFrom('check_completion_count').select('check_id').distinct().execute();
    expect(checks.map((c) => c.check_id).sort()).toEqual(Object.keys(SAMPLE_ANSWERS).sort());
  });

  it('no column of the counter can hold anything finer than a week', async () => {
    const columns = await sql<{ column_name: string; data_type: string }>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'check_completion_count' ORDER BY ordinal_position`.execute(test.db);
    expect(columns.rows).toEqual([
      { column_name: 'check_id', data_type: 'text' },
      { column_name: 'band', data_type: 'text' },
      { column_name: 'iso_week', data_type: 'text' },
      { column_name: 'n', data_type: 'bigint' },
    ]);
  });
});
