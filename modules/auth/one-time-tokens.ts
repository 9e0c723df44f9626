/**
 * Single-use links: an invitation to set a first password, a password reset, a
 * practitioner's email check or password reset. The link carries a random token; only
 * its hash is kept, it expires, and it is spent by one atomic update, so a link works
 * exactly once even when two tabs submit together.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TokenPurpose } from '../../db/schema';
import type { Executor } from '../audit/record';

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60,
  password_reset: 30,
  practitioner_verification: 24 * 60,
  practitioner_password_reset: 30,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Tokens are 43 characters of base64url; anything else is not one of ours. */
export const looksLikeToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

export type TokenOwner = { staffUserId: string } | { practitionerId: string };

export async function issueToken(db: Executor, purpose: TokenPurpose, owner: TokenOwner, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const staffUserId = 'staffUserId' in owner ? owner.staffUserId : null;
  const practitionerId = 'practitionerId' in owner ? owner.practitionerId : null;
  // A new link replaces any earlier unused one for the same purpose.
  await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where(staffUserId ? 'staff_user_id' : 'practitioner_id', '=', (staffUserId ?? practitionerId)!)
    .execute();
  await db
    .insertInto('one_time_token')
    .values({
      token_hash: hashToken(token),
      purpose,
      staff_user_id: staffUserId,
      practitioner_id: practitionerId,
      created_at: now,
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
    })
    .execute();
  return token;
}

export interface ValidToken {
  staffUserId: string | null;
  practitionerId: string | null;
  expiresAt: Date;
}

/** The token's owner, if it is unused and unexpired; it stays unused. */
export async function peekToken(db: Executor, purpose: TokenPurpose, token: string | undefined, now = new Date()): Promise<ValidToken | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db
    .selectFrom('one_time_token')
    .select(['staff_user_id', 'practitioner_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { staffUserId: row.staff_user_id, practitionerId: row.practitioner_id, expiresAt: new Date(row.expires_at) } : null;
}

/** Spends the token; null if it was already spent, expired or never ours. */
export async function spendToken(db: Executor, purpose: TokenPurpose, token: string | undefined, now = new Date()): Promise<ValidToken | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`${now}`)
    .returning(['staff_user_id', 'practitioner_id', 'expires_at'])
    .executeTakeFirst();
  return row ? { staffUserId: row.staff_user_id, practitionerId: row.practitioner_id, expiresAt: new Date(row.expires_at) } : null;
}
