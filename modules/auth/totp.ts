/**
 * Two-factor authentication with time-based one-time codes (RFC 6238), as made by any
 * authenticator app. The QR code is drawn here, as SVG: no outside image service
 * ever sees a secret. Recovery codes are random, shown once, and kept only as hashes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'CHOICE (Stop It Now Scotland)';
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The name the app shows next to the codes for practitioners' accounts (the toolkit, not CHOICE). */
export const PRACTITIONER_TOTP_ISSUER = 'Stop It Now Scotland toolkit';

function totpFor(secret: string, label: string, issuer = TOTP_ISSUER): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, email: string, issuer = TOTP_ISSUER): string {
  return totpFor(secret, email, issuer).toString();
}

/** The secret in groups of four, for typing into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export async function totpQrSvg(secret: string, email: string, issuer = TOTP_ISSUER): Promise<string> {
  return QRCode.toString(totpUri(secret, email, issuer), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The time step a code belongs to, if it is right for now (one step either side, for
 * clocks that drift), and newer than the last step accepted, so a code works once.
 */
export function verifyTotp(secret: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totpFor(secret, 'check').validate({ token: digits, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** The code an app would show now: for tests and for nothing else. */
export function currentTotp(secret: string, now = Date.now()): string {
  return totpFor(secret, 'check').generate({ timestamp: now });
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** Ten single-use codes such as "K7PQM-3XDHV": about 50 bits each. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Random codes of this length need no slow hash; a salted SHA-256 is enough. */
export function hashRecoveryCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${normaliseRecoveryCode(code)}`).digest('base64url');
}

export function recoveryCodeMatches(code: string, salt: string, hash: string): boolean {
  const candidate = Buffer.from(hashRecoveryCode(code, salt));
  const stored = Buffer.from(hash);
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
