/**
 * Every posted body is read here, before any route sees it, under limits set per kind
 * of form: its size (413 while it is still arriving), its content type (415 for
 * anything but an ordinary web form), the number of fields and of repeats of one name
 * (400), its percent-encoding and UTF-8 (400), and the form library's reserved names
 * (400). The checks cost time in proportion to the body, so no post can hold the
 * process: the form library's own parse grows with the square of repeated names,
 * which is why it only ever sees a body that passed here.
 *
 * What passes is handed to Remix as the same urlencoded bytes (see remix-handler.ts).
 * The limits sit far above what any person types into our forms, so a person meets
 * them only by pasting something enormous; every field has its own, smaller limit
 * with a message beside it, and the form keeps what was typed.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseContentType } from 'content-type';

export interface BodyLimits {
  maxBytes: number;
  maxFields: number;
  /** How often one field name may appear (checkboxes repeat a name once per box ticked). */
  maxRepeats: number;
}

/** Passwords, codes, an email address, a search: nothing long. */
export const SHORT_FORM: BodyLimits = { maxBytes: 16 * 1024, maxFields: 30, maxRepeats: 5 };
/** A self-check, an exercise, a plan for change, a family safety plan. */
export const ANONYMOUS_FORM: BodyLimits = { maxBytes: 256 * 1024, maxFields: 300, maxRepeats: 60 };
/** Staff pages: a referral section, session notes, the programme definition. */
export const STAFF_FORM: BodyLimits = { maxBytes: 1024 * 1024, maxFields: 2_000, maxRepeats: 500 };

const SHORT_FORM_PATHS = [
  /^\/staff\/sign-in(\/|$)/,
  /^\/staff\/password-reset(\/|$)/,
  /^\/staff\/password-set$/,
  /^\/staff\/invitation\//,
  /^\/staff\/sign-out$/,
  /^\/practitioners\/(sign-in|register|password-reset|verify)(\/|$)/,
  /^\/search$/,
];

export function limitsFor(pathname: string): BodyLimits {
  const path = pathname.replace(/\.data$/, '');
  if (SHORT_FORM_PATHS.some((pattern) => pattern.test(path))) return SHORT_FORM;
  if (path.startsWith('/staff/') || path === '/staff') return STAFF_FORM;
  return ANONYMOUS_FORM;
}

export type BodyProblem =
  | 'too-large'
  | 'unsupported-type'
  | 'too-many-fields'
  | 'repeated-field'
  | 'malformed'
  | 'reserved-name';

export const PROBLEM_STATUS: Record<BodyProblem, 400 | 413 | 415> = {
  'too-large': 413,
  'unsupported-type': 415,
  'too-many-fields': 400,
  'repeated-field': 400,
  malformed: 400,
  'reserved-name': 400,
};

export type BodyVerdict = { ok: true; body: Buffer } | { ok: false; problem: BodyProblem };

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The content type a body must have, judged from the header alone. */
export function contentTypeProblem(header: string | undefined, length: number | null): BodyProblem | null {
  if (!header) return length === 0 ? null : 'unsupported-type';
  try {
    const parsed = parseContentType(header);
    if (parsed.type !== FORM_TYPE) return 'unsupported-type';
    const charset = parsed.parameters.charset?.toLowerCase();
    return charset && charset !== 'utf-8' ? 'unsupported-type' : null;
  } catch {
    return 'unsupported-type';
  }
}

// Conform reads names starting with "__" as its own instructions (`__intent__`), and
// a name path through the prototype chain could reach object internals.
const RESERVED_SEGMENT = /^(__proto__|constructor|prototype)$/;

function nameIsReserved(name: string): boolean {
  if (name.startsWith('__')) return true;
  return name.split(/[.[\]]+/).some((segment) => RESERVED_SEGMENT.test(segment));
}

const decode = (part: string) => decodeURIComponent(part.replaceAll('+', ' '));

/** Checks an urlencoded body: fields, repeats, encoding and names. Linear in its length. */
export function checkFormBody(body: Buffer, limits: BodyLimits): BodyProblem | null {
  if (body.length === 0) return null;
  let fields = 1;
  for (const byte of body) if (byte === 0x26 /* & */) fields += 1;
  if (fields > limits.maxFields) return 'too-many-fields';
  // Every byte must be printable ASCII: a browser percent-encodes everything else.
  for (const byte of body) if (byte < 0x20 || byte > 0x7e) return 'malformed';
  const counts = new Map<string, number>();
  for (const pair of body.toString('latin1').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    let name: string;
    try {
      name = decode(equals === -1 ? pair : pair.slice(0, equals));
      if (equals !== -1) decode(pair.slice(equals + 1));
    } catch {
      // Broken percent-encoding, or bytes that are not UTF-8.
      return 'malformed';
    }
    if (nameIsReserved(name)) return 'reserved-name';
    const count = (counts.get(name) ?? 0) + 1;
    if (count > limits.maxRepeats) return 'repeated-field';
    counts.set(name, count);
  }
  return null;
}

/**
 * Reads a request's body under the limits. A declared length over the limit is refused
 * before a byte is read; an undeclared one is refused as soon as it passes the limit.
 */
export function readLimitedBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyVerdict> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const length = declared !== null && Number.isFinite(declared) ? declared : chunked ? null : 0;
  const typeProblem = contentTypeProblem(req.headers['content-type'], length);
  if (length !== null && length > limits.maxBytes) return Promise.resolve({ ok: false, problem: 'too-large' });
  if (typeProblem) return Promise.resolve({ ok: false, problem: typeProblem });
  if (length === 0) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (verdict: BodyVerdict) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(verdict);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) {
        // Stop reading: what is left is never buffered (the connection is closed after the answer).
        req.pause();
        finish({ ok: false, problem: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks, received);
      const problem = checkFormBody(body, limits);
      finish(problem ? { ok: false, problem } : { ok: true, body });
    };
    const onError = (error: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
