import { Link, isRouteErrorResponse } from '@remix-run/react';

/** What a person sees when a page is missing or the site fails: no technical detail. */
export function ErrorPageContent({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{errorHeading(error)}</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
          <p className="govuk-body">
            You can <Link to="/" className="govuk-link">go to the start of this site</Link>.
          </p>
        </div>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{errorHeading(error)}</h1>
          <p className="govuk-body">Your account does not give you access to this page.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{errorHeading(error)}</h1>
        <p className="govuk-body">Try again later. Nothing you typed has been kept by us.</p>
        <p className="govuk-body">
          If you need to talk to someone now, call the Stop It Now helpline on 0808 1000 900, or Samaritans on 116 123.
        </p>
      </div>
    </div>
  );
}

/** The heading of the error page for this error, for its title too. */
export function errorHeading(error: unknown): string {
  if (isRouteErrorResponse(error) && error.status === 404) return 'Page not found';
  if (isRouteErrorResponse(error) && error.status === 403) return 'You cannot see this page';
  return 'Sorry, there is a problem with the service';
}

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}
