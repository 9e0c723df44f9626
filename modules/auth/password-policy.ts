/**
 * What makes a password acceptable: long enough, not absurdly long, and not on a
 * list of passwords that attackers try first. No rules about symbols or capitals:
 * they make passwords harder to remember without making them harder to guess.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why a password cannot be used, in words for the person choosing it, or null if it can. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Your password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'This password is one of the most common passwords. Choose one that would be hard to guess';
  if (new Set(lower).size <= 2) return 'This password repeats the same characters. Choose one that would be hard to guess';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Your password must not contain your email address';
  return null;
}
