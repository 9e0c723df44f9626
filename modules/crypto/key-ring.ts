/**
 * Encryption at rest for secrets the database must hold for a while (an emailed link
 * waiting to be sent): AES-256-GCM with a ring of numbered keys. The first key seals;
 * every key in the ring still opens what it sealed, so a new key can be put first and
 * the old one removed once nothing sealed with it is left.
 *
 * Keys come from DATA_ENCRYPTION_KEYS ("1:<32 bytes in base64>,…"); on a developer's
 * machine, from a key made once in the git-ignored data folder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RingKey {
  id: number;
  key: Buffer;
}

export class KeyRingError extends Error {}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'k1';

/** "1:base64,2:base64": each an id from 0 to 255 and a 32-byte key; the first is used to seal. */
export function parseKeyRing(value: string, what = 'key'): RingKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, material] = part.split(':');
      const key = Buffer.from(material ?? '', 'base64');
      const n = Number(id);
      if (!/^\d{1,3}$/.test(id ?? '') || n > 255 || key.length !== 32) {
        throw new KeyRingError(`Each ${what} must be written "id:base64", with an id from 0 to 255 and a 32-byte key.`);
      }
      return { id: n, key };
    });
  if (!keys.length) throw new KeyRingError(`At least one ${what} is needed.`);
  return keys;
}

export function generateRingKey(id = 1): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export interface KeyRing {
  seal(plaintext: string, context: string): string;
  /** The plaintext, or null when the value was not sealed by a key in this ring for this context. */
  open(sealed: string, context: string): string | null;
}

/** `context` binds a sealed value to its use (a table and column), so one cannot be moved to another. */
export function createKeyRing(keys: RingKey[]): KeyRing {
  const [current] = keys;
  if (!current) throw new KeyRingError('At least one key is needed.');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(`${FORMAT}.${current.id}.${context}`));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${FORMAT}.${current.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, context) {
      const [format, id, iv, body] = sealed.split('.');
      const key = byId.get(Number(id));
      if (format !== FORMAT || !key || !iv || !body) return null;
      try {
        const data = Buffer.from(body, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`${FORMAT}.${id}.${context}`));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

export const DATA_KEYS_VARIABLE = 'DATA_ENCRYPTION_KEYS';

/** The ring from the environment, or on a developer's machine from `.data/data-encryption-keys`. */
export function dataKeyRingFromEnvironment(env: NodeJS.ProcessEnv = process.env, dataDir = path.resolve('.data')): { ring: KeyRing; source: 'environment' | 'file' } {
  const configured = env[DATA_KEYS_VARIABLE]?.trim();
  if (configured) return { ring: createKeyRing(parseKeyRing(configured, `${DATA_KEYS_VARIABLE} key`)), source: 'environment' };
  const file = path.join(dataDir, 'data-encryption-keys');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${generateRingKey()}\n`, { mode: 0o600 });
  }
  return { ring: createKeyRing(parseKeyRing(readFileSync(file, 'utf8').trim())), source: 'file' };
}

let defaultRing: KeyRing | null = null;

/** The process's data key ring, read once. */
export function dataKeyRing(): KeyRing {
  defaultRing ??= dataKeyRingFromEnvironment().ring;
  return defaultRing;
}
