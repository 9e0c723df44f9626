import { PRACTITIONER_PAGES, PractitionerForm } from './practitioner-form';

/** Signing out is a form (a link could be followed by another site), posted to the account page. */
export function SignOutButton({ csrfToken }: { csrfToken: string }) {
  return (
    <PractitionerForm csrfToken={csrfToken} action={PRACTITIONER_PAGES.account}>
      <input type="hidden" name="intent" value="sign-out" />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Sign out
      </button>
    </PractitionerForm>
  );
}
