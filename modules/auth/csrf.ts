/**
 * Cross-site request forgery defence for staff forms: the form must carry the token
 * bound to the session, and a browser that names another site as the form's origin
 * (or, where the origin is hidden as "null", says through Fetch Metadata that the
 * request is cross-site) is refused.
 */
import { timingSafeEqual } from 'node:crypto';

export interface FormRequestFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  submittedToken: string | null;
  sessionToken: string | null;
}

export type CsrfProblem = 'foreign-origin' | 'cross-site' | 'missing-token' | 'wrong-token';

/**
 * `sessionless` is for the forms shown before anyone is signed in (sign in, forgotten
 * password, invitation): there is no session to bind a token to, so the origin and
 * Fetch Metadata checks carry the defence alone.
 */
export function csrfProblem(facts: FormRequestFacts, options: { sessionless?: boolean } = {}): CsrfProblem | null {
  if (['GET', 'HEAD', 'OPTIONS'].includes(facts.method.toUpperCase())) return null;
  if (facts.origin && facts.origin !== 'null') {
    let originHost: string | null = null;
    try {
      originHost = new URL(facts.origin).host;
    } catch {
      return 'foreign-origin';
    }
    if (!facts.host || originHost !== facts.host) return 'foreign-origin';
  }
  if (facts.secFetchSite && !['same-origin', 'none'].includes(facts.secFetchSite)) return 'cross-site';
  if (options.sessionless) return null;
  if (!facts.submittedToken || !facts.sessionToken) return 'missing-token';
  const a = Buffer.from(facts.submittedToken);
  const b = Buffer.from(facts.sessionToken);
  return a.length === b.length && timingSafeEqual(a, b) ? null : 'wrong-token';
}
