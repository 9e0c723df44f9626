/**
 * Issue 13's attacks, timed: /healthz while 40,000-field posts and 100 MB posts arrive,
 * against /healthz at rest; the server's memory during a 100 MB post; and "forgotten
 * your password" for a real and an unknown address.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { seedDemoData } from '../../db/seed';
import { measure, withDb, type Measurement, type RunningProcess } from '../support';

const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function residentMegabytes(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : 0;
}

/** Streams `total` bytes as one chunked post; resolves with the status once the server answers. */
function bigPost(baseUrl: string, total: number): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve) => {
    let sent = 0;
    let status = 0;
    const req = httpRequest({ host: hostname, port, path: '/search', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked', ...SAME_ORIGIN } }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => resolve(status));
    });
    req.on('error', () => resolve(status));
    const pump = () => {
      while (sent < total && !status) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!status) req.end();
    };
    pump();
  });
}

async function attackWhile<T>(baseUrl: string, work: () => Promise<T>): Promise<{ result: T; attacks: number; statuses: Set<number> }> {
  const repeated = Array.from({ length: 40_000 }, () => 'f=v').join('&');
  let running = true;
  let attacks = 0;
  const statuses = new Set<number>();
  const loop = async (send: () => Promise<number>) => {
    while (running) {
      statuses.add(await send());
      attacks += 1;
    }
  };
  const loops = [
    loop(async () => (await fetch(`${baseUrl}/staff/sign-in`, { method: 'POST', body: repeated, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN } })).status),
    loop(async () => (await fetch(`${baseUrl}/self-help/my-plan-for-change/my-plan`, { method: 'POST', body: repeated, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN } })).status),
    loop(() => bigPost(baseUrl, 100 * 1024 * 1024)),
  ];
  try {
    return { result: await work(), attacks, statuses };
  } finally {
    running = false;
    await Promise.all(loops);
  }
}

async function resetTimings(baseUrl: string, databaseUrl: string): Promise<string> {
  const times: Record<'real' | 'unknown', number[]> = { real: [], unknown: [] };
  await withDb(databaseUrl, async (db) => {
    for (let i = 0; i < 60; i++) {
      const kind = i % 2 === 0 ? 'real' : 'unknown';
      // Each request on its own: the throttle would otherwise answer most of them.
      await db.deleteFrom('sign_in_throttle').execute();
      const email = kind === 'real' ? 'worker@demo.example' : `nobody-${i}@demo.example`;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/staff/password-reset`, { method: 'POST', body: new URLSearchParams({ email }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...SAME_ORIGIN } });
      await response.text();
      if (i >= 10) times[kind].push(performance.now() - started);
    }
  });
  const real = median(times.real);
  const unknown = median(times.unknown);
  return `Password reset: median ${real.toFixed(1)} ms for a real account, ${unknown.toFixed(1)} ms for an unknown one (25 of each after 5 of each to warm up): difference ${Math.abs(real - unknown).toFixed(1)} ms (goal under 5 ms)`;
}

export async function benchHostile(site: RunningProcess, databaseUrl: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  await withDb(databaseUrl, (db) => seedDemoData(db, { NODE_ENV: 'test' }).then(() => undefined));
  const rest = await measure('GET /healthz at rest', `${site.baseUrl}/healthz`, { connections: 2 });
  const attacked = await attackWhile(site.baseUrl, () => measure('GET /healthz during hostile posts', `${site.baseUrl}/healthz`, { connections: 2 }));

  const before = residentMegabytes(site.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMegabytes(site.pid))), 20);
  const status = await bigPost(site.baseUrl, 100 * 1024 * 1024);
  clearInterval(sampler);

  const notes = [
    `/healthz during ${attacked.attacks} hostile posts (40,000 fields to sign-in and an exercise; 100 MB to search; answers ${[...attacked.statuses].sort().join(', ')}): p50 ${attacked.result.p50} ms against ${rest.p50} ms at rest, p99 ${attacked.result.p99} ms against ${rest.p99} ms; requests per second ratio ${(attacked.result.requestsPerSecond / rest.requestsPerSecond).toFixed(2)}`,
    `Server memory during a 100 MB post (answered ${status}): ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most (+${(peak - before).toFixed(1)} MB)`,
    await resetTimings(site.baseUrl, databaseUrl),
  ];
  return { rows: [rest, attacked.result], notes };
}
