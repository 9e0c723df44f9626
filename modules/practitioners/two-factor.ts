/**
 * Two-factor authentication for practitioners: optional, turned on by scanning a QR
 * code and entering the first code, turned off with a current code. Both are
 * throttled like a sign-in code.
 */
import type { Db } from '../../db/connection';
import type { Executor } from '../audit/record';
import type { SignInThrottle } from '../auth/throttle';
import { formatSecret, newTotpSecret, PRACTITIONER_TOTP_ISSUER, totpQrSvg } from '../auth/totp';
import { throttledCode, type Attempt, type Blocked } from './sign-in';
import type { PractitionerAccount } from './sessions';

export interface TwoFactorSetUp {
  qrSvg: string;
  /** The secret in groups of four, for typing into an app by hand. */
  secret: string;
}

/** The secret being set up: made once, and kept until the first code confirms it. */
async function pendingSecret(db: Executor, practitionerId: string): Promise<string | null> {
  const row = await db.selectFrom('practitioner').select(['totp_secret', 'totp_enabled_at']).where('id', '=', practitionerId).executeTakeFirstOrThrow();
  if (row.totp_enabled_at) return null;
  if (row.totp_secret) return row.totp_secret;
  const secret = newTotpSecret();
  const updated = await db
    .updateTable('practitioner')
    .set({ totp_secret: secret })
    .where('id', '=', practitionerId)
    .where('totp_secret', 'is', null)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  // Another tab made one first: use that.
  return Number(updated.numUpdatedRows) === 1 ? secret : pendingSecret(db, practitionerId);
}

/** The QR code and key for the app; null if two-factor is on already. */
export async function startTwoFactor(db: Executor, practitioner: PractitionerAccount): Promise<TwoFactorSetUp | null> {
  const secret = await pendingSecret(db, practitioner.id);
  if (!secret) return null;
  return { qrSvg: await totpQrSvg(secret, practitioner.email, PRACTITIONER_TOTP_ISSUER), secret: formatSecret(secret) };
}

export type TwoFactorChange = Blocked | { status: 'wrong' } | { status: 'ok' };

/** The first code from the app proves it is set up: from now on, signing in asks for a code. */
export async function turnOnTwoFactor(db: Db, throttle: SignInThrottle, practitioner: PractitionerAccount, code: string, attempt: Attempt): Promise<TwoFactorChange> {
  const result = await throttledCode(db, throttle, practitioner.id, code, attempt, 'pending', async (trx, _step, now) => {
    await trx.updateTable('practitioner').set({ totp_enabled_at: now }).where('id', '=', practitioner.id).execute();
  });
  return result.status === 'ok' ? { status: 'ok' } : result;
}

/** A current code turns it off again; the secret is forgotten, so turning it back on means scanning a new one. */
export async function turnOffTwoFactor(db: Db, throttle: SignInThrottle, practitioner: PractitionerAccount, code: string, attempt: Attempt): Promise<TwoFactorChange> {
  const result = await throttledCode(db, throttle, practitioner.id, code, attempt, 'enabled', async (trx) => {
    await trx.updateTable('practitioner').set({ totp_enabled_at: null, totp_secret: null, totp_last_step: null }).where('id', '=', practitioner.id).execute();
  });
  return result.status === 'ok' ? { status: 'ok' } : result;
}
