import path from 'node:path';
import { buildIsCurrent, root, runOrExit } from './lib.mjs';

if (!buildIsCurrent()) await runOrExit(process.execPath, [path.join(root, 'scripts/build.mjs')]);
