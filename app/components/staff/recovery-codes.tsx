import { Link } from '@remix-run/react';

/** Ten recovery codes, shown once: the person writes them down or prints the page. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Two-factor authentication is set up</h1>
        </div>
        <h2 className="govuk-heading-m">Your recovery codes</h2>
        <p className="govuk-body">
          If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code works once.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This is the only time we will show these codes. Keep them somewhere safe, away from your phone, such as a locked drawer at work.
          </strong>
        </div>
        <ol className="govuk-list govuk-list--number app-recovery-codes" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <Link to={continueTo} className="govuk-button" data-module="govuk-button">
          I have kept my codes safe, continue
        </Link>
      </div>
    </div>
  );
}
