// `npm run dev`: the Remix dev server with live reload, Sass in watch mode, and our
// Express server restarted with each rebuild.
import path from 'node:path';
import { checkNodeVersion, ensureDependencies, root, run, runOrExit } from './lib.mjs';

checkNodeVersion();
await ensureDependencies();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
await runOrExit(bin('sass'), ['--load-path=node_modules', '--load-path=.', '--quiet-deps', '--no-source-map', 'app/styles/app.scss', 'app/styles/generated/app.css']);
await runOrExit(bin('tsx'), ['db/cli.ts', 'prepare']);

const env = { ...process.env, NODE_ENV: 'development' };
const watchers = [
  run(bin('sass'), ['--watch', '--load-path=node_modules', '--load-path=.', '--quiet-deps', '--no-source-map', 'app/styles/app.scss', 'app/styles/generated/app.css'], { env }),
  run(bin('remix'), ['dev', '--manual', '-c', `${bin('tsx')} server/index.ts`], { env }),
];
process.exit(Math.max(...(await Promise.all(watchers))));
