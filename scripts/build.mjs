// The production build: stylesheet (Sass), the Remix app (classic compiler), and the
// bundled Node server with its database tools.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_STAMP, root, runOrExit } from './lib.mjs';

const started = Date.now();
const sass = await import('sass');
const esbuild = await import('esbuild');

const css = sass.compile(path.join(root, 'app/styles/app.scss'), {
  loadPaths: [path.join(root, 'node_modules'), root],
  style: 'compressed',
  quietDeps: true,
});
await mkdir(path.join(root, 'app/styles/generated'), { recursive: true });
await writeFile(path.join(root, 'app/styles/generated/app.css'), css.css);

// Content is checked first: a broken link or a missing field stops the build, naming the file.
await runOrExit(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/check-content.ts')]);

await runOrExit(process.execPath, [path.join(root, 'node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
  env: { ...process.env, NODE_ENV: 'production' },
});

await esbuild.build({
  entryPoints: { index: 'server/index.ts', cli: 'db/cli.ts' },
  outdir: 'build/server',
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

await mkdir(path.dirname(BUILD_STAMP), { recursive: true });
await writeFile(BUILD_STAMP, new Date().toISOString());
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
