/**
 * Two people moving the same case at the same moment, on two connections: exactly one
 * step is taken, the other is told the case changed, and the database holds one case
 * event and one audit row for the new version, never two.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../db/connection';
import { seedDemoData } from '../../db/seed';
import type { CaseEvent } from '../../modules/referrals/case-machine';
import { CaseConflictError, transitionCase } from '../../modules/referrals/transitions';
import { staffActor, submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';

describe('two transitions of one case at once', () => {
  const test = useTestDatabase();
  let first: Db;
  let second: Db;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    first = connect(test.url, { max: 1, applicationName: 'tests-first' });
    second = connect(test.url, { max: 1, applicationName: 'tests-second' });
  });
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  const pairs: Array<[string, CaseEvent, CaseEvent]> = [
    ['the same step twice', { type: 'START_SCREENING' }, { type: 'START_SCREENING' }],
    ['two different steps', { type: 'DECLINE', reason: 'Outside the criteria.' }, { type: 'REQUEST_INFORMATION', request: 'His address, please.' }],
  ];

  for (const [name, one, other] of pairs) {
    it(`lets exactly one win (${name}), ten times over`, async () => {
      const actor = await staffActor(test.db, 'manager@demo.example');
      for (let round = 0; round < 10; round++) {
        const referral = await submittedReferral(test.db, 'fiscal@demo.example');
        const expectedVersion = referral.version;
        // Both connections are open and idle before the race starts.
        await Promise.all([sql`SELECT 1`.execute(first), sql`SELECT 1`.execute(second)]);
        const results = await Promise.allSettled([
          transitionCase(first, { referralId: referral.id, expectedVersion, event: one, actor }),
          transitionCase(second, { referralId: referral.id, expectedVersion, event: other, actor }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(CaseConflictError);
        expect((lost[0]!.reason as CaseConflictError).current.version).toBe(expectedVersion + 1);

        const next = expectedVersion + 1;
        const events = await test.db.selectFrom('case_event').select(['event', 'version']).where('referral_id', '=', referral.id).where('version', '>=', next).execute();
        expect(events).toHaveLength(1);
        expect(events[0]!.version).toBe(next);
        const audit = await test.db
          .selectFrom('audit_event')
          .select(['action'])
          .where('object_id', '=', referral.id)
          .where('action', 'like', 'case.%')
          .where(sql<boolean>`(detail ->> 'version')::int = ${next}`)
          .execute();
        expect(audit).toHaveLength(1);
        const row = await test.db.selectFrom('referral').select(['version']).where('id', '=', referral.id).executeTakeFirstOrThrow();
        expect(row.version).toBe(next);
      }
    });
  }
});
