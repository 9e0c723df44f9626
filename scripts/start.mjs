// `npm start`: install if needed, build if needed, prepare the database (migrations,
// and demo accounts unless NODE_ENV=production), then serve the production build.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent, checkNodeVersion, ensureDependencies, root, runOrExit } from './lib.mjs';

checkNodeVersion();
await ensureDependencies();
if (!buildIsCurrent()) {
  console.log('Building the site...');
  await runOrExit(process.execPath, [path.join(root, 'scripts/build.mjs')]);
}

// Demo accounts are the newcomer's: this step runs in the caller's own environment,
// so it refuses them where NODE_ENV=production.
await runOrExit(process.execPath, ['--enable-source-maps', path.join(root, 'build/server/cli.js'), 'prepare']);

const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'build/server/index.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
