/**
 * Password hashing. The argon2id parameters live here and only here; a stored hash
 * made with older parameters is re-made at the next successful sign-in.
 */
import argon2 from 'argon2';

/** OWASP's first recommended argon2id setting: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMETERS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, never a crash.
    return false;
  }
}

export function passwordHashNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_PARAMETERS);
}
