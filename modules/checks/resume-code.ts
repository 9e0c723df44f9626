/**
 * "Continue later" codes. A code carries the answers so far, packed into a few
 * bytes and encrypted with AES-256-GCM under a server key, so that nothing needs to
 * be stored: the person keeps the code, we keep nothing. The first byte names the
 * key, so keys can be rotated; the check's id and version are bound in as
 * authenticated data, so a code only opens the check it was made for. Codes are
 * written in Crockford's base32 (no I, L, O or U), in groups of four, so they can
 * be read aloud and typed without confusion.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { optionsOf, type Answer, type Answers, type CheckDefinition, type Question } from './definition';
import { pruneHidden } from './flow';

export interface ResumeKey {
  id: number;
  key: Buffer;
}

export type DecodeFailure = 'unreadable' | 'expired';
export type DecodeResult = { ok: true; answers: Answers } | { ok: false; reason: DecodeFailure };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const IV_BYTES = 12;
const TAG_BYTES = 8;
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
export const CODE_LIFETIME_DAYS = 30;

export class ResumeKeyError extends Error {}

/** Keys from `RESUME_CODE_KEYS`: "id:base64key,id:base64key", the first being the one in use. */
export function parseResumeKeys(value: string): ResumeKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, material] = part.split(':');
      const key = Buffer.from(material ?? '', 'base64');
      const n = Number(id);
      if (!Number.isInteger(n) || n < 0 || n > 255 || key.length !== 32) {
        throw new ResumeKeyError('Each resume code key must be written "id:base64", with an id from 0 to 255 and a 32-byte key.');
      }
      return { id: n, key };
    });
  if (!keys.length) throw new ResumeKeyError('At least one resume code key is needed.');
  return keys;
}

export function generateResumeKeys(id = 1): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

function bitsFor(question: Question): number {
  const options = optionsOf(question);
  if (question.type === 'multiple') return options.length;
  const count = question.type === 'scale' ? (question.max ?? 10) - (question.min ?? 0) + 1 : options.length;
  return Math.ceil(Math.log2(count + 1));
}

function pack(check: CheckDefinition, answers: Answers): Buffer {
  let bits = 0n;
  let width = 0n;
  for (const question of check.questions) {
    const size = BigInt(bitsFor(question));
    const options = optionsOf(question);
    const answer = answers[question.id];
    let value = 0n;
    if (answer !== undefined) {
      if (question.type === 'multiple') for (const option of answer as string[]) value |= 1n << BigInt(options.indexOf(option));
      else if (question.type === 'scale') value = BigInt((answer as number) - (question.min ?? 0) + 1);
      else value = BigInt(options.indexOf(answer as string) + 1);
    }
    bits |= value << width;
    width += size;
  }
  const bytes = Buffer.alloc(Number((width + 7n) / 8n));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number((bits >> BigInt(i * 8)) & 0xffn);
  return bytes;
}

function unpack(check: CheckDefinition, bytes: Buffer): Answers | null {
  let bits = 0n;
  for (let i = 0; i < bytes.length; i++) bits |= BigInt(bytes[i]!) << BigInt(i * 8);
  const answers: Record<string, Answer> = {};
  let offset = 0n;
  for (const question of check.questions) {
    const size = BigInt(bitsFor(question));
    const value = (bits >> offset) & ((1n << size) - 1n);
    offset += size;
    if (value === 0n) continue;
    const options = optionsOf(question);
    if (question.type === 'multiple') {
      answers[question.id] = options.filter((_, i) => (value >> BigInt(i)) & 1n);
    } else if (question.type === 'scale') {
      answers[question.id] = Number(value) - 1 + (question.min ?? 0);
    } else {
      const option = options[Number(value) - 1];
      if (!option) return null;
      answers[question.id] = option;
    }
  }
  return answers;
}

function toBase32(bytes: Buffer): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** What a person typed, made regular: case, spaces, dashes, and look-alike letters. */
export function normaliseCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
}

export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join(' ') ?? code;
}

export interface ResumeCodec {
  encode(check: CheckDefinition, answers: Answers): string;
  decode(check: CheckDefinition, typed: string): DecodeResult;
}

export function createResumeCodec(keys: ResumeKey[], now: () => Date = () => new Date()): ResumeCodec {
  const current = keys[0];
  if (!current) throw new ResumeKeyError('At least one resume code key is needed.');
  const aad = (check: CheckDefinition) => Buffer.from(`${check.id}:v${check.version}`);
  const today = () => Math.floor((now().getTime() - EPOCH) / DAY);

  return {
    encode(check, answers) {
      const day = Buffer.alloc(2);
      day.writeUInt16BE(today());
      const plaintext = Buffer.concat([day, pack(check, pruneHidden(check, answers))]);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(check));
      const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return formatCode(toBase32(Buffer.concat([Buffer.from([current.id]), iv, sealed, cipher.getAuthTag()])));
    },
    decode(check, typed) {
      const bytes = fromBase32(normaliseCode(typed).slice(0, 200));
      if (!bytes || bytes.length < 1 + IV_BYTES + 2 + TAG_BYTES) return { ok: false, reason: 'unreadable' };
      const key = keys.find((k) => k.id === bytes[0]);
      if (!key) return { ok: false, reason: 'unreadable' };
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const sealed = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
      let plaintext: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(check));
        decipher.setAuthTag(tag);
        plaintext = Buffer.concat([decipher.update(sealed), decipher.final()]);
      } catch {
        return { ok: false, reason: 'unreadable' };
      }
      const age = today() - plaintext.readUInt16BE(0);
      if (age < 0 || age > CODE_LIFETIME_DAYS) return { ok: false, reason: 'expired' };
      const answers = unpack(check, plaintext.subarray(2));
      return answers ? { ok: true, answers: pruneHidden(check, answers) } : { ok: false, reason: 'unreadable' };
    },
  };
}
