// `npm test`: everything, in the order a failure is cheapest to find: type-check,
// lint, then unit, integration (real PostgreSQL) and end-to-end (real Chromium)
// tests, on a fresh build. Ends with one line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { checkNodeVersion, ensureDependencies, root, run } from './lib.mjs';

checkNodeVersion();
await ensureDependencies();

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];
const step = async (name, command, args) => {
  console.log(`\n── ${name} ──`);
  const code = await run(command, args);
  results.push({ name, ok: code === 0 });
  return code === 0;
};

const built = await step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
await step('type-check', bin('tsc'), ['--noEmit']);
await step('lint', bin('eslint'), ['--max-warnings=0', '.']);

let passed = results.filter((r) => r.ok).length;
let failed = results.length - passed;

if (built) {
  await mkdir(path.join(root, '.cache'), { recursive: true });
  const report = path.join(root, '.cache', 'vitest-report.json');
  console.log('\n── unit, integration and end-to-end tests ──');
  const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    // A file that fails to load has no tests to count; it still fails the run.
    const brokenFiles = summary.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
    for (const file of brokenFiles) console.error(`Could not run ${path.relative(root, file.name)}: ${file.message}`);
    failed += brokenFiles.length;
  } else if (code !== 0) {
    failed += 1;
  }
  if (code !== 0 && failed === 0) failed += 1;
}

for (const r of results.filter((r) => !r.ok)) console.error(`The ${r.name} step failed.`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
