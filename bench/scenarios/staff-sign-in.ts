/** The staff sign-in: the cost of argon2id with our parameters, and the password step under load. */
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../../modules/auth/password';
import { measure, withDb, type Measurement, type RunningProcess } from '../support';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timeArgon2(): Promise<string[]> {
  const hashes: number[] = [];
  const verifies: number[] = [];
  let hash = await hashPassword('warm-up passphrase for the bench');
  for (let i = 0; i < 30; i++) {
    let started = performance.now();
    hash = await hashPassword(`a passphrase for the bench ${i}`);
    hashes.push(performance.now() - started);
    started = performance.now();
    await verifyPassword(hash, `a passphrase for the bench ${i}`);
    verifies.push(performance.now() - started);
  }
  hashes.sort((a, b) => a - b);
  verifies.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const { memoryCost, timeCost, parallelism } = ARGON2_PARAMETERS;
  return [
    `argon2id (m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}): hash p50 ${ms(percentile(hashes, 50))}, p99 ${ms(percentile(hashes, 99))}; verify p50 ${ms(percentile(verifies, 50))}, p99 ${ms(percentile(verifies, 99))} (30 of each, one at a time)`,
  ];
}

export async function benchStaffSignIn(site: RunningProcess, databaseUrl: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  await withDb(databaseUrl, async (db) => {
    await seedDemoData(db, { NODE_ENV: 'test' });
    await db.deleteFrom('sign_in_throttle').execute();
  });
  const notes = await timeArgon2();
  const body = new URLSearchParams({ email: 'worker@demo.example', password: DEMO_PASSWORD }).toString();
  const row = await measure('POST /staff/sign-in (right password, 302)', `${site.baseUrl}/staff/sign-in`, {
    method: 'POST',
    body,
    connections: 4,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
  });
  // Every answer is a redirect to the second step; that is the success here.
  notes.push(`Each sign-in answers with a 302 to the two-factor step (${row.non2xx} such answers, which autocannon counts as non-2xx) and creates a half-signed-in session row; argon2 runs on libuv's 4 threads over 2 cores.`);
  await withDb(databaseUrl, (db) => db.deleteFrom('staff_session').execute().then(() => undefined));
  return { rows: [{ ...row, non2xx: 0 }], notes };
}
