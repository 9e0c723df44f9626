/**
 * `npm run bench`: builds if needed, starts the production server on its own
 * database, and measures each scenario with autocannon. `npm run bench -- home`
 * runs one scenario (`npm run bench -- diary case-page`, the ones named);
 * BENCH_SECONDS sets the length of each measurement.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { benchCheckStep, benchPlanPdf } from './scenarios/anonymous-posts';
import { benchCasePage, benchDiary } from './scenarios/diary';
import { benchContentPage, benchHome } from './scenarios/home';
import { benchReferralLists } from './scenarios/referral-lists';
import { benchHostile } from './scenarios/hostile';
import { benchStaffSignIn } from './scenarios/staff-sign-in';
import { openBenchDatabase, printTable, startSite, type Measurement, type RunningProcess } from './support';

type Scenario = (site: RunningProcess, databaseUrl: string) => Promise<{ rows: Measurement[]; notes: string[] }>;

const SCENARIOS: Record<string, Scenario> = {
  home: benchHome,
  content: benchContentPage,
  'check-step': benchCheckStep,
  'plan-pdf': benchPlanPdf,
  'staff-sign-in': benchStaffSignIn,
  'referral-lists': benchReferralLists,
  diary: benchDiary,
  'case-page': benchCasePage,
  hostile: benchHostile,
};

async function main() {
  const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in SCENARIOS));
  if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  execFileSync(process.execPath, [path.resolve('scripts/build-if-needed.mjs')], { stdio: 'inherit' });

  const database = await openBenchDatabase();
  const site = await startSite(database);
  const rows: Measurement[] = [];
  const notes: string[] = [];
  try {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      if (wanted.length && !wanted.includes(name)) continue;
      console.log(`Measuring ${name}...`);
      const result = await scenario(site, database.url);
      rows.push(...result.rows);
      notes.push(...result.notes);
    }
  } finally {
    await site.stop();
    await database.stop();
  }
  console.log('');
  printTable(rows);
  for (const note of notes) console.log(`- ${note}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
