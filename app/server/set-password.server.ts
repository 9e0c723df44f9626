/** Loader and action shared by the two single-use-link pages: invitation and password reset. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { newPasswordForm } from '#modules/auth/forms';
import { PASSWORD_MIN_LENGTH } from '#modules/auth/password-policy';
import { accountForLink, setPasswordWithLink } from '#modules/auth/passwords';
import { parseForm, readForm } from './forms.server';
import { requireSameOriginForm } from './staff-auth.server';

type Purpose = 'invitation' | 'password_reset';

export async function loadSetPassword(purpose: Purpose, { params, context }: LoaderFunctionArgs) {
  const account = await accountForLink(context.db, purpose, params.token);
  return json({ account: account ? { email: account.email, fullName: account.full_name, organisationName: account.organisation_name } : null, minLength: PASSWORD_MIN_LENGTH });
}

export async function setPassword(purpose: Purpose, { request, params, context }: ActionFunctionArgs) {
  await requireSameOriginForm(request);
  const form = parseForm(await readForm(request), newPasswordForm);
  if (form.status === 'invalid') return json({ errors: form.errors }, { status: 400 });
  const result = await setPasswordWithLink(context.db, purpose, params.token, form.value.password);
  if (result.status === 'weak') return json({ errors: { password: result.message } }, { status: 400 });
  if (result.status === 'link-not-valid') return json({ errors: { password: 'This link has expired or has been used already' } }, { status: 400 });
  return redirect(purpose === 'invitation' ? '/staff/password-set?first=1' : '/staff/password-set');
}
