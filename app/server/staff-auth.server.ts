/**
 * The staff side's guards. Every staff loader and action calls `requireStaff` with
 * the permission it needs before doing anything else: no session, an unfinished
 * sign-in, a missing permission or a forged form each stop the request here.
 */
import { createCookie, json, type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import type { Db } from '#db/connection';
import type { SessionStage } from '#db/schema';
import { recordAudit } from '#modules/audit/record';
import { csrfProblem } from '#modules/auth/csrf';
import { roleCan, type Permission } from '#modules/auth/permissions';
import { endSession, findSession, sessionSettings, touchSession, type NewSession, type StaffMember } from '#modules/auth/sessions';
import { actorOf } from '#modules/auth/sign-in';
import { staffNavigation } from '~/components/staff/navigation';
import type { StaffLayoutData } from '~/components/staff/staff-form';
import { SignInThrottle } from '#modules/auth/throttle';

export const CSRF_FIELD = 'csrf';

interface Args {
  request: Request;
  context: AppLoadContext;
}

const isHttps = (request: Request) => new URL(request.url).protocol === 'https:';

// Over https the cookie is Secure and bound to this exact host by the __Host- prefix.
// Plain http happens only on a developer's own machine, where Secure would stop it working.
const secureCookie = createCookie('__Host-choice-session', { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
const localCookie = createCookie('choice-session', { httpOnly: true, secure: false, sameSite: 'lax', path: '/' });
const cookieFor = (request: Request) => (isHttps(request) ? secureCookie : localCookie);

async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const value: unknown = await cookieFor(request).parse(request.headers.get('Cookie'));
  return typeof value === 'string' ? value : undefined;
}

export async function hasSessionCookie(request: Request): Promise<boolean> {
  return (await sessionIdFrom(request)) !== undefined;
}

export async function sessionCookieHeader(request: Request, session: NewSession): Promise<string> {
  return cookieFor(request).serialize(session.id);
}

export async function clearedCookieHeader(request: Request): Promise<string> {
  return cookieFor(request).serialize('', { maxAge: 0, expires: new Date(0) });
}

// The layout and the page read the same session for one request: read it once.
const sessionsByRequest = new WeakMap<Request, ReturnType<typeof findSession>>();

export function readStaffSession(request: Request, context: AppLoadContext) {
  let lookup = sessionsByRequest.get(request);
  if (!lookup) {
    lookup = sessionIdFrom(request).then((id) => findSession(context.db, id, sessionSettings()));
    sessionsByRequest.set(request, lookup);
  }
  return lookup;
}

/** Activity is written at most once a minute: the idle limit is counted in minutes, and a write per page would cost every page. */
const TOUCH_INTERVAL_MS = 60_000;

export interface StaffContext {
  user: StaffMember;
  idHash: string;
  csrfToken: string;
  idleExpiresAt: Date;
  can(permission: Permission): boolean;
}

const forbiddenResponse = () =>
  json({ reason: 'forbidden' as const }, { status: 403, headers: { 'Cache-Control': 'no-store' } });

/** Refuses a form from another site, or (when there is a session) one without the session's CSRF token. */
export async function refuseForgedForm(request: Request, sessionToken: string | null): Promise<void> {
  if (['GET', 'HEAD'].includes(request.method)) return;
  let submittedToken: string | null = null;
  if (sessionToken) {
    try {
      const value = (await request.clone().formData()).get(CSRF_FIELD);
      submittedToken = typeof value === 'string' ? value : null;
    } catch {
      submittedToken = null;
    }
  }
  const problem = csrfProblem(
    {
      method: request.method,
      origin: request.headers.get('Origin'),
      secFetchSite: request.headers.get('Sec-Fetch-Site'),
      host: request.headers.get('Host') ?? new URL(request.url).host,
      submittedToken,
      sessionToken,
    },
    { sessionless: sessionToken === null },
  );
  if (problem) {
    throw json({ reason: 'form-expired' as const }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
}

/** For forms shown before sign-in: only the origin checks apply. */
export const requireSameOriginForm = (request: Request) => refuseForgedForm(request, null);

/**
 * The signed-in staff member, if they may do `permission`; otherwise a redirect to
 * sign in, or a 403 page (recorded in the audit log). `touch: false` reads the
 * session without counting as activity (the idle warning page).
 */
export async function requireStaff({ request, context }: Args, permission: Permission, options: { touch?: boolean } = {}): Promise<StaffContext> {
  const session = await readStaffSession(request, context);
  if (session.status === 'expired') {
    await endSession(context.db, session.idHash);
    throw redirect(`/staff/signed-out?reason=${session.reason}`, { headers: { 'Set-Cookie': await clearedCookieHeader(request) } });
  }
  if (session.status === 'none') throw redirect('/staff/sign-in');
  if (session.stage === 'password_verified') throw redirect('/staff/sign-in/two-factor');
  if (session.stage === 'enrolling_two_factor') throw redirect('/staff/sign-in/set-up-two-factor');
  await refuseForgedForm(request, session.csrfToken);
  if (!roleCan(session.user.role, permission)) {
    await recordAudit(context.db, {
      actor: actorOf(session.user),
      action: 'access.denied',
      object: { type: 'permission', id: permission },
      outcome: 'denied',
    });
    throw forbiddenResponse();
  }
  const lastSeen = session.idleExpiresAt.getTime() - sessionSettings().idleMinutes * 60_000;
  if (options.touch !== false && Date.now() - lastSeen >= Math.min(TOUCH_INTERVAL_MS, sessionSettings().idleMinutes * 60_000 / 4)) {
    await touchSession(context.db, session.idHash);
  }
  const { user } = session;
  return {
    user,
    idHash: session.idHash,
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt,
    can: (p) => roleCan(user.role, p),
  };
}

/**
 * The signed-in staff member, if they may do at least one of `permissions` (a page
 * open to several roles, each for their own objects); otherwise as `requireStaff`.
 */
export async function requireAnyStaff(args: Args, permissions: readonly Permission[]): Promise<StaffContext> {
  const staff = await requireStaff(args, 'account:manage:own');
  if (permissions.some((permission) => staff.can(permission))) return staff;
  await recordAudit(args.context.db, {
    actor: actorOf(staff.user),
    action: 'access.denied',
    object: { type: 'permission', id: permissions.join(' | ') },
    outcome: 'denied',
  });
  throw forbiddenResponse();
}

/** The half-signed-in person of a sign-in step (after the password, before the second factor). */
export async function requireSignInStage({ request, context }: Args, stage: Exclude<SessionStage, 'signed_in'>) {
  const session = await readStaffSession(request, context);
  if (session.status !== 'active') throw redirect('/staff/sign-in');
  if (session.stage === 'signed_in') throw redirect('/staff');
  if (session.stage !== stage) {
    throw redirect(session.stage === 'password_verified' ? '/staff/sign-in/two-factor' : '/staff/sign-in/set-up-two-factor');
  }
  await refuseForgedForm(request, session.csrfToken);
  return { idHash: session.idHash, user: session.user, csrfToken: session.csrfToken };
}

const throttles = new WeakMap<Db, SignInThrottle>();
export function signInThrottle(db: Db): SignInThrottle {
  let throttle = throttles.get(db);
  if (!throttle) throttles.set(db, (throttle = new SignInThrottle(db)));
  return throttle;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The address put in emailed links. It comes from SITE_URL, never from the request's
 * Host header (which a stranger can set, to have our email send a reset link to their
 * own site); only on the developer's own machine may the request say it.
 */
export function siteUrl(request: Request): string {
  const configured = process.env.SITE_URL?.trim().replace(/\/+$/, '');
  if (configured) return configured;
  const url = new URL(request.url);
  if (LOCAL_HOSTS.has(url.hostname)) return url.origin;
  throw new Error('SITE_URL is not set, so no link can be emailed. Set SITE_URL to the address of this site.');
}

/** Seconds before the idle limit at which the warning page appears (or a third of a very short limit). */
const WARNING_LEAD_SECONDS = 120;
const warnAfter = (idleSeconds: number) => Math.max(Math.round((idleSeconds * 2) / 3), idleSeconds - WARNING_LEAD_SECONDS);

/**
 * The staff layout only describes who is signed in, for the header and menu; each
 * page's own loader decides, with requireStaff, whether the person may see it.
 */
export async function staffLayoutLoader({ request, context }: LoaderFunctionArgs) {
  const session = await readStaffSession(request, context);
  const active = session.status === 'active' ? session : null;
  const signedIn =
    active?.stage === 'signed_in'
      ? {
          fullName: active.user.full_name,
          organisationName: active.user.organisation_name,
          navigation: staffNavigation((p) => roleCan(active.user.role, p), context.mailTransportKind === 'mailbox'),
        }
      : null;
  const data: StaffLayoutData & { signedIn: typeof signedIn; warnAfterSeconds: number | null } = {
    csrfToken: active?.csrfToken ?? null,
    signedIn,
    warnAfterSeconds: signedIn ? warnAfter(sessionSettings().idleMinutes * 60) : null,
  };
  return json(data);
}
