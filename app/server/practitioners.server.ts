/**
 * The practitioner pages' loaders and actions: each reads its form, calls
 * modules/practitioners, and turns the outcome into a redirect (with the session
 * cookie) or the messages the page shows. Typed values come back to the page;
 * passwords and codes never do.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { sessionSettings } from '#modules/auth/sessions';
import { retryWording } from '#modules/auth/throttle';
import { confirmEmail, registerPractitioner, resendVerificationLink, verificationLinkIsValid } from '#modules/practitioners/accounts';
import { accountIntentForm, practitionerCodeForm, practitionerSignInForm, registrationForm } from '#modules/practitioners/forms';
import { buildPack, listPacks } from '#modules/practitioners/packs';
import { signInPractitioner, signOutPractitioner, verifyPractitionerSignInCode, type Blocked } from '#modules/practitioners/sign-in';
import { startTwoFactor, turnOffTwoFactor, turnOnTwoFactor } from '#modules/practitioners/two-factor';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import {
  clearedPractitionerCookieHeader,
  practitionerCookieHeader,
  PRACTITIONER_PATH,
  readPractitionerSession,
  requirePractitioner,
  requirePractitionerStage,
} from './practitioner-auth.server';
import { requireSameOriginForm, signInThrottle, siteUrl } from './staff-auth.server';

/** The site's address for the "online at" line of a pack; a pack is still made without one. */
function linkAddress(request: Request): string | undefined {
  try {
    return siteUrl(request);
  } catch {
    return undefined;
  }
}

const tooMany = (result: Blocked, what: string) => `There have been too many ${what}. Try again ${retryWording(result.retryAt)}`;
const WRONG_CODE = 'The code is not right. Enter the code your app shows now: codes change every 30 seconds';

/** Whether someone is signed in, for pages that offer to sign in. */
async function signedIn(args: LoaderFunctionArgs): Promise<boolean> {
  const session = await readPractitionerSession(args.request, args.context);
  return session.status === 'active' && session.stage === 'signed_in';
}

export async function practitionersIndexLoader(args: LoaderFunctionArgs) {
  return json({ signedIn: await signedIn(args), packs: listPacks().map(({ section, title }) => ({ section, title })) });
}

/** Someone already signed in has no need of the register and sign-in pages. */
export async function signedOutOnlyLoader(args: LoaderFunctionArgs) {
  if (await signedIn(args)) throw redirect(`${PRACTITIONER_PATH}/packs`);
  return json(null);
}

export async function registerAction({ request, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), registrationForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, sentTo: null }, { status: 400 });
  const result = await registerPractitioner(context.db, form.value, siteUrl(request));
  if (result.status === 'weak-password') {
    return json({ errors: { password: result.message } as FieldErrors, values: form.values, sentTo: null }, { status: 400 });
  }
  return json({ errors: null, values: null, sentTo: result.email });
}

export async function verifyLoader({ params, context }: LoaderFunctionArgs) {
  return json({ valid: await verificationLinkIsValid(context.db, params.token) });
}

export async function verifyAction({ request, params, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const result = await confirmEmail(context.db, params.token);
  return json({ status: result.status }, { status: result.status === 'verified' ? 200 : 400 });
}

export async function signInAction({ request, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), practitionerSignInForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await signInPractitioner(context.db, signInThrottle(context.db), { ...form.value, address: context.clientAddress() }, sessionSettings());
  if (result.status === 'ok') {
    const next = result.next === 'two-factor' ? `${PRACTITIONER_PATH}/sign-in/two-factor` : `${PRACTITIONER_PATH}/packs`;
    return redirect(next, { headers: { 'Set-Cookie': await practitionerCookieHeader(request, result.session) } });
  }
  const errors: FieldErrors =
    result.status === 'throttled' ? { email: tooMany(result, 'attempts to sign in') } : { email: 'Enter a correct email address and password. Both are needed to sign in' };
  return json({ errors, values: form.values }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function twoFactorLoader(args: LoaderFunctionArgs) {
  const holder = await requirePractitionerStage(args, 'password_verified');
  return json({ csrfToken: holder.csrfToken });
}

export async function twoFactorAction(args: ActionFunctionArgs) {
  const holder = await requirePractitionerStage(args, 'password_verified');
  const { request, context } = args;
  const form = parseForm(await readForm(request), practitionerCodeForm);
  if (form.status === 'invalid') return json({ error: form.errors.code ?? 'Enter the 6-digit code from your authenticator app' }, { status: 400 });
  const result = await verifyPractitionerSignInCode(context.db, signInThrottle(context.db), holder, form.value.code, { address: context.clientAddress() }, sessionSettings());
  if (result.status === 'ok') return redirect(`${PRACTITIONER_PATH}/packs`, { headers: { 'Set-Cookie': await practitionerCookieHeader(request, result.session) } });
  return json({ error: result.status === 'throttled' ? tooMany(result, 'wrong codes') : WRONG_CODE }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function packsLoader(args: LoaderFunctionArgs) {
  const { practitioner, csrfToken } = await requirePractitioner(args);
  const verified = !!practitioner.email_verified_at;
  return json({ csrfToken, email: practitioner.email, verified, packs: verified ? listPacks() : [] });
}

/** The only form on the packs page: a new confirmation link. */
export async function packsAction(args: ActionFunctionArgs) {
  const { practitioner } = await requirePractitioner(args);
  const result = await resendVerificationLink(args.context.db, practitioner, siteUrl(args.request));
  return json({ resent: result.status });
}

// Every response of the site already carries Cache-Control: no-store (server/security.ts).
export async function packDownloadLoader(args: LoaderFunctionArgs) {
  const { practitioner } = await requirePractitioner(args);
  if (!practitioner.email_verified_at) {
    return new Response('Confirm your email address before downloading the packs: use the link we emailed to you.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const pack = await buildPack(args.params.section ?? '', { siteUrl: linkAddress(args.request) });
  if (!pack) throw json(null, { status: 404 });
  return new Response(new Uint8Array(pack.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pack.fileName}"`,
      'Content-Length': String(pack.pdf.length),
    },
  });
}

export async function accountLoader(args: LoaderFunctionArgs) {
  const { practitioner, csrfToken } = await requirePractitioner(args);
  return json({
    csrfToken,
    email: practitioner.email,
    organisationName: practitioner.organisation_name,
    verified: !!practitioner.email_verified_at,
    twoFactorOn: !!practitioner.totp_enabled_at,
  });
}

export async function accountAction(args: ActionFunctionArgs) {
  const holder = await requirePractitioner(args);
  const { request, context } = args;
  const formData = await readForm(request);
  if (formData.get('intent') === 'sign-out') {
    await signOutPractitioner(context.db, holder);
    return redirect(`${PRACTITIONER_PATH}/signed-out`, { headers: { 'Set-Cookie': await clearedPractitionerCookieHeader(request) } });
  }
  const intent = parseForm(formData, accountIntentForm);
  if (intent.status === 'invalid') return json({ done: null, setUp: null, error: 'Choose one of the buttons on this page' }, { status: 400 });
  const { practitioner } = holder;
  const attempt = { address: context.clientAddress() };

  if (intent.value.intent === 'start-two-factor') {
    return json({ done: null, setUp: await startTwoFactor(context.db, practitioner), error: null });
  }
  const form = parseForm(formData, practitionerCodeForm);
  const turningOn = intent.value.intent === 'turn-on-two-factor';
  // A wrong code while setting up shows the same QR code again.
  const setUp = turningOn ? await startTwoFactor(context.db, practitioner) : null;
  if (form.status === 'invalid') return json({ done: null, setUp, error: form.errors.code ?? WRONG_CODE }, { status: 400 });
  const change = turningOn ? turnOnTwoFactor : turnOffTwoFactor;
  const result = await change(context.db, signInThrottle(context.db), practitioner, form.value.code, attempt);
  if (result.status === 'ok') return json({ done: turningOn ? ('on' as const) : ('off' as const), setUp: null, error: null });
  return json({ done: null, setUp, error: result.status === 'throttled' ? tooMany(result, 'wrong codes') : WRONG_CODE }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function signedOutLoader(args: LoaderFunctionArgs) {
  const reason = new URL(args.request.url).searchParams.get('reason');
  const why: 'idle' | 'absolute' | 'chosen' = reason === 'idle' || reason === 'absolute' ? reason : 'chosen';
  return json({ reason: why });
}
