import { useEffect, type ComponentProps } from 'react';
import { Form } from '@remix-run/react';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

/**
 * A practitioner form: always posted, and once someone is signed in, carrying their
 * session's CSRF token so the server can tell it came from our own page.
 */
export function PractitionerForm({ csrfToken, children, ...props }: Omit<ComponentProps<typeof Form>, 'method'> & { csrfToken?: string | null }) {
  return (
    <Form method="post" noValidate {...props}>
      {csrfToken ? <input type="hidden" name="csrf" value={csrfToken} /> : null}
      {children}
    </Form>
  );
}

export const PRACTITIONER_PAGES = {
  index: '/practitioners',
  register: '/practitioners/register',
  signIn: '/practitioners/sign-in',
  passwordReset: '/practitioners/password-reset',
  twoFactor: '/practitioners/sign-in/two-factor',
  packs: '/practitioners/packs',
  account: '/practitioners/account',
} as const;

/** The page title, with the part of the site it belongs to. */
export const practitionerTitle = (title: string) => `${title} – Practitioner packs – ${PUBLIC_SERVICE_NAME}`;

/**
 * A page's title after a form is sent ("Error: …", "Check your email"). Remix 2's meta
 * sees only loader data, so with JavaScript on the title is set here; with it off,
 * the page keeps the title its loader gave it.
 */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
