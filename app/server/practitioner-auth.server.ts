/**
 * The practitioner side's cookie and guards. The cookie is scoped to /practitioners,
 * so a browser never sends it anywhere else (and the staff guards read only their own
 * cookie and their own table). No cookie is set until a practitioner signs in.
 */
import { createCookie, type AppLoadContext } from '@remix-run/node';
import { redirect } from './redirect.server';
import type { PractitionerSessionStage } from '#db/schema';
import { sessionSettings, type NewSession } from '#modules/auth/sessions';
import { endPractitionerSession, findPractitionerSession, touchPractitionerSession, type PractitionerAccount } from '#modules/practitioners/sessions';
import { refuseForgedForm } from './staff-auth.server';

export const PRACTITIONER_PATH = '/practitioners';

interface Args {
  request: Request;
  context: AppLoadContext;
}

const isHttps = (request: Request) => new URL(request.url).protocol === 'https:';

// __Host- needs Path=/, and this cookie must stay under /practitioners: over https it
// is Secure with the __Secure- prefix instead. Plain http is only a developer's machine.
const options = { httpOnly: true, sameSite: 'lax', path: PRACTITIONER_PATH } as const;
const secureCookie = createCookie('__Secure-practitioner-session', { ...options, secure: true });
const localCookie = createCookie('practitioner-session', { ...options, secure: false });
const cookieFor = (request: Request) => (isHttps(request) ? secureCookie : localCookie);

async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const value: unknown = await cookieFor(request).parse(request.headers.get('Cookie'));
  return typeof value === 'string' ? value : undefined;
}

export const practitionerCookieHeader = (request: Request, session: NewSession) => cookieFor(request).serialize(session.id);
export const clearedPractitionerCookieHeader = (request: Request) => cookieFor(request).serialize('', { maxAge: 0, expires: new Date(0) });

export async function readPractitionerSession(request: Request, context: AppLoadContext) {
  // No cookie, no database work: most visitors to these pages have no account.
  const id = await sessionIdFrom(request);
  return id ? findPractitionerSession(context.db, id, sessionSettings()) : ({ status: 'none' } as const);
}

export interface PractitionerContext {
  idHash: string;
  csrfToken: string;
  practitioner: PractitionerAccount;
}

/** The signed-in practitioner; otherwise a redirect to sign in (or to finish signing in). */
export async function requirePractitioner({ request, context }: Args): Promise<PractitionerContext> {
  const session = await readPractitionerSession(request, context);
  if (session.status === 'expired') {
    await endPractitionerSession(context.db, session.idHash);
    throw redirect(`${PRACTITIONER_PATH}/signed-out?reason=${session.reason}`, { headers: { 'Set-Cookie': await clearedPractitionerCookieHeader(request) } });
  }
  if (session.status === 'none') throw redirect(`${PRACTITIONER_PATH}/sign-in`);
  if (session.stage === 'password_verified') throw redirect(`${PRACTITIONER_PATH}/sign-in/two-factor`);
  await refuseForgedForm(request, session.csrfToken);
  await touchPractitionerSession(context.db, session.idHash);
  return { idHash: session.idHash, csrfToken: session.csrfToken, practitioner: session.practitioner };
}

/** The practitioner half-way through signing in (password right, code still to come). */
export async function requirePractitionerStage({ request, context }: Args, stage: Exclude<PractitionerSessionStage, 'signed_in'>): Promise<PractitionerContext> {
  const session = await readPractitionerSession(request, context);
  if (session.status !== 'active') throw redirect(`${PRACTITIONER_PATH}/sign-in`);
  if (session.stage !== stage) throw redirect(`${PRACTITIONER_PATH}/packs`);
  await refuseForgedForm(request, session.csrfToken);
  return { idHash: session.idHash, csrfToken: session.csrfToken, practitioner: session.practitioner };
}

