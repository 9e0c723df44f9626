/**
 * The sign-in steps as the routes use them: each reads its form, calls modules/auth,
 * and turns the outcome into a redirect (with the new session cookie) or the messages
 * the page shows. Kept in a .server file so none of it reaches the browser bundle.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { codeForm, forgottenPasswordForm, recoveryCodeForm, signInForm } from '#modules/auth/forms';
import { askForPasswordReset } from '#modules/auth/passwords';
import { sessionSettings } from '#modules/auth/sessions';
import {
  confirmEnrolment,
  newRecoveryCodesFor,
  pendingTotpSecret,
  signInWithPassword,
  signOut,
  unusedRecoveryCodeCount,
  verifyRecoveryCode,
  verifySignInCode,
  type Blocked,
} from '#modules/auth/sign-in';
import { retryWording } from '#modules/auth/throttle';
import { formatSecret, totpQrSvg } from '#modules/auth/totp';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import {
  clearedCookieHeader,
  hasSessionCookie,
  readStaffSession,
  requireSameOriginForm,
  requireSignInStage,
  requireStaff,
  sessionCookieHeader,
  signInThrottle,
  siteUrl,
} from './staff-auth.server';

const tooMany = (result: Blocked, what: string) => `There have been too many ${what}. Try again ${retryWording(result.retryAt)}`;

export async function signInPageLoader({ request, context }: LoaderFunctionArgs) {
  const session = await readStaffSession(request, context);
  if (session.status === 'active' && session.stage === 'signed_in') throw redirect('/staff');
  return json(null);
}

export async function passwordStep({ request, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), signInForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, at: Date.now() }, { status: 400 });
  const result = await signInWithPassword(context.db, signInThrottle(context.db), { ...form.value, address: context.clientAddress() }, sessionSettings());
  if (result.status === 'ok') {
    const next = result.next === 'two-factor' ? '/staff/sign-in/two-factor' : '/staff/sign-in/set-up-two-factor';
    return redirect(next, { headers: { 'Set-Cookie': await sessionCookieHeader(request, result.session) } });
  }
  const errors: FieldErrors =
    result.status === 'throttled'
      ? { email: tooMany(result, 'attempts to sign in') }
      : { email: 'Enter a correct email address and password. Both are needed to sign in' };
  return json({ errors, values: form.values, at: Date.now() }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function secondFactorStep(kind: 'totp' | 'recovery', args: ActionFunctionArgs) {
  const holder = await requireSignInStage(args, 'password_verified');
  const { request, context } = args;
  const form = parseForm(await readForm(request), kind === 'totp' ? codeForm : recoveryCodeForm);
  if (form.status === 'invalid') return json({ error: form.errors.code!, at: Date.now() }, { status: 400 });
  const verify = kind === 'totp' ? verifySignInCode : verifyRecoveryCode;
  const result = await verify(context.db, signInThrottle(context.db), holder, form.value.code, { address: context.clientAddress() }, sessionSettings());
  if (result.status === 'ok') {
    const to = kind === 'totp' ? '/staff' : '/staff/account?recovery-code-used=1';
    return redirect(to, { headers: { 'Set-Cookie': await sessionCookieHeader(request, result.session) } });
  }
  const error =
    result.status === 'throttled'
      ? tooMany(result, 'wrong codes')
      : kind === 'totp'
        ? 'The code is not right. Enter the code your app shows now: codes change every 30 seconds'
        : 'That recovery code is not right, or it has been used already. Check it and try another';
  return json({ error, at: Date.now() }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function secondFactorPageLoader(args: LoaderFunctionArgs) {
  await requireSignInStage(args, 'password_verified');
  return json(null);
}

export async function enrolmentLoader(args: LoaderFunctionArgs) {
  // Without JavaScript, this loader also runs right after a successful set-up, with the
  // request's old (now ended) session: the page then shows the recovery codes from the
  // action, so "no session" gives an empty set-up rather than a redirect.
  const session = await readStaffSession(args.request, args.context);
  if (session.status !== 'active') {
    if (!(await hasSessionCookie(args.request))) throw redirect('/staff/sign-in');
    return json({ setUp: null });
  }
  const holder = await requireSignInStage(args, 'enrolling_two_factor');
  const secret = await pendingTotpSecret(args.context.db, holder.user);
  return json({ setUp: { qrSvg: await totpQrSvg(secret, holder.user.email), secret: formatSecret(secret), email: holder.user.email } });
}

export async function enrolmentStep(args: ActionFunctionArgs) {
  const holder = await requireSignInStage(args, 'enrolling_two_factor');
  const { request, context } = args;
  const form = parseForm(await readForm(request), codeForm);
  if (form.status === 'invalid') return json({ error: form.errors.code!, at: Date.now() }, { status: 400 });
  const result = await confirmEnrolment(context.db, signInThrottle(context.db), holder, form.value.code, { address: context.clientAddress() }, sessionSettings());
  if (result.status === 'ok') {
    return json({ recoveryCodes: result.recoveryCodes }, { headers: { 'Set-Cookie': await sessionCookieHeader(request, result.session) } });
  }
  const error =
    result.status === 'throttled'
      ? tooMany(result, 'wrong codes')
      : 'The code is not right. Check the app shows CHOICE (Stop It Now Scotland), then enter the code it shows now';
  return json({ error, at: Date.now() }, { status: result.status === 'throttled' ? 429 : 400 });
}

export async function signOutAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, 'account:manage:own', { touch: false });
  const form = await readForm(args.request);
  const everywhere = form.get('scope') === 'everywhere';
  await signOut(args.context.db, staff, everywhere ? 'everywhere' : 'this-device');
  return redirect(everywhere ? '/staff/signed-out?reason=everywhere' : '/staff/signed-out', {
    headers: { 'Set-Cookie': await clearedCookieHeader(args.request) },
  });
}

export async function accountLoader(args: LoaderFunctionArgs) {
  const { user } = await requireStaff(args, 'account:manage:own');
  return json({
    fullName: user.full_name,
    email: user.email,
    role: user.role,
    organisationName: user.organisation_name,
    twoFactorSince: user.totp_enabled_at ? new Date(user.totp_enabled_at).toISOString() : null,
    lastSignIn: user.last_sign_in_at ? new Date(user.last_sign_in_at).toISOString() : null,
    unusedCodes: await unusedRecoveryCodeCount(args.context.db, user.id),
    recoveryCodeUsed: new URL(args.request.url).searchParams.has('recovery-code-used'),
  });
}

export async function newRecoveryCodesAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, 'account:manage:own');
  return json({ recoveryCodes: await newRecoveryCodesFor(args.context.db, staff.user) });
}

export async function forgottenPasswordAction({ request, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), forgottenPasswordForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values }, { status: 400 });
  const verdict = await askForPasswordReset(context.db, signInThrottle(context.db), { email: form.value.email, address: context.clientAddress(), siteUrl: siteUrl(request) });
  if (verdict.status === 'blocked') {
    return json({ errors: { email: `There have been too many requests for a link. Try again ${retryWording(verdict.retryAt)}` }, values: form.values }, { status: 429 });
  }
  return json({ sentTo: form.value.email });
}
