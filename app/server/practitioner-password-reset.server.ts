/**
 * The practitioner "forgotten your password" pages: asking for a link, and choosing a
 * new password through it. Neither page sets a cookie; the link's token is in the path
 * (the request log records only route ids), and passwords never come back to the page.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { PASSWORD_MIN_LENGTH } from '#modules/auth/password-policy';
import { practitionerForgottenPasswordForm, practitionerNewPasswordForm } from '#modules/practitioners/forms';
import { retryWording } from '#modules/auth/throttle';
import { accountForResetLink, askForPasswordReset, setPasswordWithLink } from '#modules/practitioners/password-reset';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { PRACTITIONER_PATH } from './practitioner-auth.server';
import { requireSameOriginForm, signInThrottle, siteUrl } from './staff-auth.server';

export async function passwordResetRequestAction({ request, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), practitionerForgottenPasswordForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, sentTo: null }, { status: 400 });
  const verdict = await askForPasswordReset(context.db, signInThrottle(context.db), { email: form.value.email, address: context.clientAddress(), siteUrl: siteUrl(request) });
  if (verdict.status === 'blocked') {
    return json({ errors: { email: `There have been too many requests for a link. Try again ${retryWording(verdict.retryAt)}` }, values: form.values, sentTo: null }, { status: 429 });
  }
  return json({ errors: null, values: null, sentTo: form.value.email });
}

export async function passwordResetLoader({ params, context }: LoaderFunctionArgs) {
  const account = await accountForResetLink(context.db, params.token);
  return json({ account: account ? { email: account.email, twoFactorOn: account.twoFactorOn } : null, minLength: PASSWORD_MIN_LENGTH });
}

export async function passwordResetAction({ request, params, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), practitionerNewPasswordForm);
  if (form.status === 'invalid') return json({ errors: form.errors, linkNotValid: false }, { status: 400 });
  const result = await setPasswordWithLink(context.db, params.token, form.value.password);
  if (result.status === 'weak') return json({ errors: { password: result.message } as FieldErrors, linkNotValid: false }, { status: 400 });
  if (result.status === 'link-not-valid') return json({ errors: null, linkNotValid: true }, { status: 400 });
  // Away from the spent link, so reloading the page does not send the form again.
  return redirect(`${PRACTITIONER_PATH}/password-changed`);
}
