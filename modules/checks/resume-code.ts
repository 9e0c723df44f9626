/**
 * "Continue later" codes. A code carries the answers so far, packed into a few
 * bits and sealed under a server key, so that nothing needs to be stored: the person
 * keeps the code, we keep nothing. docs/decisions/013-back-button-downloads-and-resume-codes.md
 * explains the design and what its short tag risks.
 *
 * A code is 5-bit characters in Crockford's base32 (no I, L, O or U), shown in
 * groups of four so it can be read aloud and typed without confusion:
 *   1 character   the key's id, modulo 32 (keys can be rotated)
 *   1 character   the day it was made, modulo 32 (codes last 30 days)
 *   8 characters  a 40-bit tag: HMAC-SHA-256 over the check's id and version, the
 *                 whole day and the answers
 *   the rest      the answers as one mixed-radix number, encrypted with a keystream
 *                 derived from the tag (a synthetic-IV construction, so no random
 *                 nonce needs to be carried)
 * Codes of the first format (AES-GCM with a 12-byte nonce, 47 characters) still open
 * until they expire.
 */
import { createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { optionsOf, type Answer, type Answers, type CheckDefinition, type Question } from './definition';
import { pruneHidden } from './flow';

export interface ResumeKey {
  id: number;
  key: Buffer;
}

export type DecodeFailure = 'unreadable' | 'expired';
export type DecodeResult = { ok: true; answers: Answers } | { ok: false; reason: DecodeFailure };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// The first format: AES-GCM with a 12-byte nonce and an 8-byte tag.
const IV_BYTES = 12;
const TAG_BYTES = 8;
const FIRST_FORMAT_MIN_CHARS = Math.ceil(((1 + IV_BYTES + 2 + TAG_BYTES) * 8) / 5);
// The second format.
const TAG_BITS = 40n;
const HEADER_BITS = 10n;
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

/** Bits per question in the first format. */
function bitsFor(question: Question): number {
  const options = optionsOf(question);
  if (question.type === 'multiple') return options.length;
  const count = question.type === 'scale' ? (question.max ?? 10) - (question.min ?? 0) + 1 : options.length;
  return Math.ceil(Math.log2(count + 1));
}

/** The answers of a first-format code. */
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

/** How many values each question's answer can take, "not answered" included. */
function radixFor(question: Question): bigint {
  const options = optionsOf(question);
  if (question.type === 'multiple') return 1n << BigInt(options.length);
  return BigInt((question.type === 'scale' ? (question.max ?? 10) - (question.min ?? 0) + 1 : options.length) + 1);
}

function answerBits(check: CheckDefinition): bigint {
  const product = check.questions.reduce((n, q) => n * radixFor(q), 1n);
  return BigInt((product - 1n).toString(2).length);
}

/** All the answers as one number: each question a digit in its own base. */
function toNumber(check: CheckDefinition, answers: Answers): bigint {
  let value = 0n;
  for (const question of [...check.questions].reverse()) {
    const options = optionsOf(question);
    const answer = answers[question.id];
    let digit = 0n;
    if (answer !== undefined) {
      if (question.type === 'multiple') for (const option of answer as string[]) digit |= 1n << BigInt(options.indexOf(option));
      else if (question.type === 'scale') digit = BigInt((answer as number) - (question.min ?? 0) + 1);
      else digit = BigInt(options.indexOf(answer as string) + 1);
    }
    value = value * radixFor(question) + digit;
  }
  return value;
}

function fromNumber(check: CheckDefinition, value: bigint): Answers | null {
  const answers: Record<string, Answer> = {};
  let rest = value;
  for (const question of check.questions) {
    const radix = radixFor(question);
    const digit = rest % radix;
    rest /= radix;
    if (digit === 0n) continue;
    const options = optionsOf(question);
    if (question.type === 'multiple') answers[question.id] = options.filter((_, i) => (digit >> BigInt(i)) & 1n);
    else if (question.type === 'scale') answers[question.id] = Number(digit) - 1 + (question.min ?? 0);
    else answers[question.id] = options[Number(digit) - 1]!;
  }
  return rest === 0n ? answers : null;
}

function bigToBytes(value: bigint, bits: bigint): Buffer {
  const bytes = Buffer.alloc(Number((bits + 7n) / 8n));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number((value >> BigInt(i * 8)) & 0xffn);
  return bytes;
}

function bytesToBig(bytes: Buffer, bits: bigint): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value & ((1n << bits) - 1n);
}

function toChars(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Number((value >> BigInt(5 * i)) & 31n)];
  return out;
}

function fromChars(text: string): bigint | null {
  let value = 0n;
  for (let i = text.length - 1; i >= 0; i--) {
    const digit = ALPHABET.indexOf(text[i]!);
    if (digit < 0) return null;
    value = (value << 5n) | BigInt(digit);
  }
  return value;
}

/** Two keys from one, so the tag and the keystream never share a key. */
function subkeys(key: Buffer) {
  return { mac: createHmac('sha256', key).update('resume-code mac').digest(), enc: createHmac('sha256', key).update('resume-code enc').digest() };
}

function contextOf(check: CheckDefinition, day: number): Buffer {
  return Buffer.from(`${check.id}:v${check.version}:${day}:`);
}

function tagOf(mac: Buffer, check: CheckDefinition, day: number, value: bigint, bits: bigint): bigint {
  return bytesToBig(createHmac('sha256', mac).update(contextOf(check, day)).update(bigToBytes(value, bits)).digest(), TAG_BITS);
}

/** The keystream for one tag: the tag plays the part of a nonce. */
function maskOf(enc: Buffer, check: CheckDefinition, day: number, tag: bigint, bits: bigint): bigint {
  const blocks: Buffer[] = [];
  for (let block = 0; blocks.length * 256 < Number(bits); block++) {
    blocks.push(createHmac('sha256', enc).update(contextOf(check, day)).update(bigToBytes(tag, TAG_BITS)).update(String(block)).digest());
  }
  return bytesToBig(Buffer.concat(blocks), bits);
}

export interface ResumeCodec {
  encode(check: CheckDefinition, answers: Answers): string;
  decode(check: CheckDefinition, typed: string): DecodeResult;
}

export function createResumeCodec(keys: ResumeKey[], now: () => Date = () => new Date()): ResumeCodec {
  const current = keys[0];
  if (!current) throw new ResumeKeyError('At least one resume code key is needed.');
  const derived = new Map(keys.map((k) => [k.id, subkeys(k.key)]));
  const aad = (check: CheckDefinition) => Buffer.from(`${check.id}:v${check.version}`);
  const today = () => Math.floor((now().getTime() - EPOCH) / DAY);
  const lengthOf = (check: CheckDefinition) => Math.ceil(Number(HEADER_BITS + TAG_BITS + answerBits(check)) / 5);

  function decodeFirstFormat(check: CheckDefinition, text: string): DecodeResult {
    const bytes = fromBase32(text);
    if (!bytes) return { ok: false, reason: 'unreadable' };
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
  }

  return {
    encode(check, answers) {
      const bits = answerBits(check);
      const day = today();
      const value = toNumber(check, pruneHidden(check, answers));
      const { mac, enc } = derived.get(current.id)!;
      const tag = tagOf(mac, check, day, value, bits);
      const sealed = value ^ maskOf(enc, check, day, tag, bits);
      const packed = BigInt(current.id % 32) | (BigInt(day % 32) << 5n) | (tag << HEADER_BITS) | (sealed << (HEADER_BITS + TAG_BITS));
      return formatCode(toChars(packed, lengthOf(check)));
    },
    decode(check, typed) {
      const text = normaliseCode(typed).slice(0, 200);
      if (text.length >= FIRST_FORMAT_MIN_CHARS) return decodeFirstFormat(check, text);
      const packed = text.length === lengthOf(check) ? fromChars(text) : null;
      if (packed === null) return { ok: false, reason: 'unreadable' };
      const bits = answerBits(check);
      const keyField = Number(packed & 31n);
      const dayField = Number((packed >> 5n) & 31n);
      const tag = (packed >> HEADER_BITS) & ((1n << TAG_BITS) - 1n);
      const sealed = packed >> (HEADER_BITS + TAG_BITS);
      const candidates = keys.filter((k) => k.id % 32 === keyField).map((k) => derived.get(k.id)!);
      // Only the day's last five bits travel. The youngest day they fit is the one a
      // live code must have; older days only tell an expired code from a mistyped one.
      const youngest = (((today() - dayField) % 32) + 32) % 32;
      for (let age = youngest; age <= 366; age += 32) {
        const day = today() - age;
        for (const { mac, enc } of candidates) {
          const value = sealed ^ maskOf(enc, check, day, tag, bits);
          if (tagOf(mac, check, day, value, bits) !== tag) continue;
          if (age > CODE_LIFETIME_DAYS) return { ok: false, reason: 'expired' };
          const answers = fromNumber(check, value);
          return answers ? { ok: true, answers: pruneHidden(check, answers) } : { ok: false, reason: 'unreadable' };
        }
      }
      return { ok: false, reason: 'unreadable' };
    },
  };
}
