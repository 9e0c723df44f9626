/**
 * Sign-in throttling, kept in PostgreSQL by rate-limiter-flexible. Every attempt is
 * counted before it is checked; a success gives its attempt back. Each kind of secret (password, second factor) has two limits: one for the
 * account, which stops a slow guess at one person's password, and one for the network
 * address, which stops one machine guessing at many accounts. Keys are hashed: the
 * throttle table holds no email address and no network address in the clear, and its
 * rows expire on their own.
 */
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { poolOf, type Db } from '../../db/connection';

export interface Limit {
  /** Failures allowed in the window. */
  points: number;
  windowSeconds: number;
  /** How long the door stays shut once the limit is reached. */
  blockSeconds: number;
}

/** The limits in one place. */
export const THROTTLE_LIMITS = {
  'password:account': { points: 10, windowSeconds: 60 * 60, blockSeconds: 15 * 60 },
  'password:address': { points: 50, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  'second-factor:account': { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  'second-factor:address': { points: 30, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  // Asking for a reset link: every request counts, found account or not.
  'password-reset:account': { points: 3, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  'password-reset:address': { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type ThrottleKind = 'password' | 'second-factor' | 'password-reset';
type LimitName = keyof typeof THROTTLE_LIMITS;

const hashed = (value: string) => createHash('sha256').update(value).digest('base64url');

export interface ThrottleSubject {
  /** The account's email address (lower case) or id. */
  account: string;
  /** The network address the request came from. */
  address: string;
}

export type ThrottleVerdict = { status: 'open' } | { status: 'blocked'; retryAt: Date };

export class SignInThrottle {
  private limiters = new Map<LimitName, RateLimiterPostgres>();

  constructor(private readonly db: Db) {}

  private limiter(name: LimitName): RateLimiterPostgres {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const limit: Limit = THROTTLE_LIMITS[name];
      limiter = new RateLimiterPostgres({
        storeClient: poolOf(this.db),
        storeType: 'pool',
        tableName: 'sign_in_throttle',
        tableCreated: true,
        keyPrefix: name,
        points: limit.points,
        duration: limit.windowSeconds,
        blockDuration: limit.blockSeconds,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private keys(kind: ThrottleKind, subject: ThrottleSubject): Array<[LimitName, string]> {
    return [
      [`${kind}:account`, hashed(`account:${subject.account.toLowerCase()}`)],
      [`${kind}:address`, hashed(`address:${subject.address}`)],
    ];
  }

  /**
   * Counts an attempt before it is checked, so that simultaneous guesses cannot all
   * pass a check that none of them has counted yet: each count is one atomic upsert.
   * Blocked when the attempt would pass a limit; the attempt is then not to be made.
   */
  async attempt(kind: ThrottleKind, subject: ThrottleSubject, now = Date.now()): Promise<ThrottleVerdict> {
    let retryAt = 0;
    for (const [name, key] of this.keys(kind, subject)) {
      try {
        await this.limiter(name).consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        retryAt = Math.max(retryAt, now + rejection.msBeforeNext);
      }
    }
    return retryAt ? { status: 'blocked', retryAt: new Date(Math.ceil(retryAt / 1000) * 1000) } : { status: 'open' };
  }

  /** After a failed attempt (already counted): says when to try again if it used the last one. */
  async fail(kind: ThrottleKind, subject: ThrottleSubject, now = Date.now()): Promise<ThrottleVerdict> {
    let retryAt = 0;
    for (const [name, key] of this.keys(kind, subject)) {
      const limit: Limit = THROTTLE_LIMITS[name];
      const state = await this.limiter(name).get(key);
      // The failure that reaches the limit shuts the door at once, not one attempt later.
      if (state && state.consumedPoints >= limit.points) {
        await this.limiter(name).block(key, limit.blockSeconds);
        retryAt = Math.max(retryAt, now + limit.blockSeconds * 1000);
      }
    }
    return retryAt ? { status: 'blocked', retryAt: new Date(Math.ceil(retryAt / 1000) * 1000) } : { status: 'open' };
  }

  /**
   * A success clears the account's count, and gives the address back the attempt it
   * spent (its earlier failures stay: one good password says nothing about the rest).
   */
  async succeed(kind: ThrottleKind, subject: ThrottleSubject): Promise<void> {
    const [[accountLimit, accountKey], [addressLimit, addressKey]] = this.keys(kind, subject) as [[LimitName, string], [LimitName, string]];
    await this.limiter(accountLimit).delete(accountKey);
    await this.limiter(addressLimit).reward(addressKey, 1);
  }
}

/** "at 14:05" or "in 3 minutes", for the message that says when to try again. */
export function retryWording(retryAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.round((retryAt.getTime() - now.getTime()) / 60_000));
  const clock = retryAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${clock})`;
}
