// Helpers for the project's own scripts. Node built-ins only: these run before
// `node_modules` exists.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit code ${code}).`);
    process.exit(code);
  }
}

/** The newest modification time of any file under the given paths. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) {
        if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
        visit(path.join(file, entry));
      }
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`This project needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

/** Installs exactly what package-lock.json says when node_modules is missing or older than it. */
export async function ensureDependencies() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm ci)...');
  await runOrExit('npm', ['ci', '--no-audit', '--no-fund']);
}

const BUILD_INPUTS = ['app', 'modules', 'db', 'server', 'content', 'public/favicon.svg', 'remix.config.js', 'package-lock.json', 'scripts/build.mjs'];
export const BUILD_STAMP = path.join(root, 'build', '.stamp');

export function buildIsCurrent() {
  return existsSync(BUILD_STAMP) && statSync(BUILD_STAMP).mtimeMs >= newestMtime(BUILD_INPUTS);
}
