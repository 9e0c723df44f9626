import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index';

describe('the migration list', () => {
  const files = readdirSync(path.resolve('db/migrations'))
    .filter((file) => file !== 'index.ts' && file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''));

  it('names every migration file in the folder, and nothing else', () => {
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
  });

  it('uses date-prefixed names, so they run in the order they were written', () => {
    for (const name of files) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });

  it('gives each migration an up and a down', () => {
    for (const migration of Object.values(migrations)) {
      expect(typeof migration.up).toBe('function');
      expect(typeof migration.down).toBe('function');
    }
  });
});
