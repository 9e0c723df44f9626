/**
 * Where the resume-code keys come from: RESUME_CODE_KEYS ("1:base64,…", the first in
 * use) in a real deployment; on a developer's machine, a key made once and kept in
 * the git-ignored data folder so codes survive restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateResumeKeys, parseResumeKeys, type ResumeKey } from './resume-code';

export function resumeKeysFromEnvironment(env: NodeJS.ProcessEnv, dataDir = path.resolve('.data')): { keys: ResumeKey[]; source: 'environment' | 'file' } {
  if (env.RESUME_CODE_KEYS) return { keys: parseResumeKeys(env.RESUME_CODE_KEYS), source: 'environment' };
  const file = path.join(dataDir, 'resume-code-keys');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${generateResumeKeys()}\n`, { mode: 0o600 });
  }
  return { keys: parseResumeKeys(readFileSync(file, 'utf8').trim()), source: 'file' };
}
