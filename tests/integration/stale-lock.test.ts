import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverStaleLock } from '../../db/embedded';

describe('recovering the embedded database after a crash', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('removes a lock file left by a process that no longer exists', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pg-lock-'));
    await writeFile(path.join(dir, 'postmaster.pid'), '2147483646\n/some/dir\n');
    await recoverStaleLock(dir);
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a lock file whose process number now belongs to another program', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pg-lock-'));
    await writeFile(path.join(dir, 'postmaster.pid'), `${process.pid}\n/some/dir\n`);
    await recoverStaleLock(dir);
    expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('does nothing when there is no lock file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pg-lock-'));
    await expect(recoverStaleLock(dir)).resolves.toBeUndefined();
  });
});
