/**
 * A signed-in staff session for tests, made straight in the database: no password,
 * no authenticator code, no throttle, so a test can act as any role in a millisecond.
 *
 *   const admin = await signInAs(test.db, 'admin@demo.example');
 *   fetch(url, { headers: { Cookie: admin.cookie } });            // a plain request
 *   client.cookies.set(admin.cookieName, admin.cookieValue);      // or an HttpClient
 *   client.csrfToken = admin.csrfToken;                           // for its posts
 *
 * The cookie is the one the site sets over plain http (`choice-session`, encoded as
 * Remix encodes cookies); `csrfToken` is the session's token that every staff form
 * must carry in its `csrf` field. The account must exist; it need not have a password
 * or two-factor set up (the session is made already signed in).
 */
import { createCookie } from '@remix-run/node';
import type { Db } from '../../db/connection';
import { createSession, sessionSettings } from '../../modules/auth/sessions';
import { HttpClient } from './http-client';

export const SESSION_COOKIE_NAME = 'choice-session';
const sessionCookie = createCookie(SESSION_COOKIE_NAME);

export interface SignedInStaff {
  /** `choice-session=<value>`, for a Cookie header. */
  cookie: string;
  cookieName: string;
  cookieValue: string;
  /** The session's CSRF token, for the `csrf` field of a staff form. */
  csrfToken: string;
  userId: string;
}

export async function signInAs(db: Db, email: string): Promise<SignedInStaff> {
  const user = await db.selectFrom('staff_user').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw new Error(`signInAs: there is no staff account ${email}`);
  const session = await createSession(db, user.id, 'signed_in', sessionSettings());
  const cookie = (await sessionCookie.serialize(session.id)).split(';')[0]!;
  const cookieValue = cookie.slice(SESSION_COOKIE_NAME.length + 1);
  return { cookie, cookieName: SESSION_COOKIE_NAME, cookieValue, csrfToken: session.csrfToken, userId: user.id };
}

/** An HttpClient already signed in as `email`. */
export async function signedInClient(baseUrl: string, db: Db, email: string): Promise<HttpClient & { staff: SignedInStaff }> {
  const staff = await signInAs(db, email);
  const client = new HttpClient(baseUrl) as HttpClient & { staff: SignedInStaff };
  client.cookies.set(staff.cookieName, staff.cookieValue);
  client.csrfToken = staff.csrfToken;
  client.staff = staff;
  return client;
}
