/**
 * The manager's screening queue and the referrer's list, at 1,000 and at 100,000
 * referrals: the lists must not slow down as the service's history grows (goal: p99
 * under 50 ms, and p99 at 100,000 no more than twice p99 at 1,000).
 */
import { signInAs } from '../../tests/support/staff';
import { seedReferrals } from '../seed-referrals';
import { measure, withDb, type Measurement, type RunningProcess } from '../support';

const VIEWS = [
  { name: 'manager: GET /staff/screening', email: 'manager@demo.example', path: '/staff/screening' },
  { name: 'referrer: GET /staff/referrals', email: 'fiscal@demo.example', path: '/staff/referrals' },
] as const;

export async function benchReferralLists(site: RunningProcess, databaseUrl: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  const rows: Measurement[] = [];
  const byView = new Map<string, Measurement[]>();
  for (const size of [1_000, 100_000]) {
    const cookies = await withDb(databaseUrl, async (db) => {
      await seedReferrals(db, size, { fresh: size === 1_000 });
      return Promise.all(VIEWS.map((view) => signInAs(db, view.email)));
    });
    for (const [index, view] of VIEWS.entries()) {
      // Two at a time: this machine has two cores, and a CHOICE team has a handful of staff, not hundreds.
      const row = await measure(`${view.name} (${size.toLocaleString('en-GB')} referrals)`, `${site.baseUrl}${view.path}`, { headers: { Cookie: cookies[index]!.cookie }, connections: 2 });
      rows.push(row);
      byView.set(view.name, [...(byView.get(view.name) ?? []), row]);
    }
  }
  const notes = [...byView].map(([name, [small, large]]) => `${name}: p99 ${large!.p99} ms at 100,000 against ${small!.p99} ms at 1,000 (ratio ${(large!.p99 / Math.max(1, small!.p99)).toFixed(2)}); p50 ratio ${(large!.p50 / Math.max(1, small!.p50)).toFixed(2)}`);
  return { rows, notes };
}
