import { useEffect, useRef } from 'react';
import { formatDateTime } from '~/components/staff/dates';

export interface ChangeLine {
  who: string;
  what: string;
  at: string;
}

/**
 * The message when someone saved the referral after this page was opened: who did
 * what, and when, so the person can decide whether to keep their own answers. It takes
 * focus, as an error summary does.
 */
export function ChangedBySomeoneElse({ changes, again }: { changes: ChangeLine[]; again: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [changes]);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="changed-by-someone-else">
      <div role="alert">
        <h2 className="govuk-error-summary__title">This referral was changed by someone else</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">Since you opened this page:</p>
          <ul className="govuk-list govuk-list--bullet">
            {changes.length ? (
              changes.map((change, index) => (
                <li key={`${change.at}-${index}`}>
                  {change.who} {change.what}, {formatDateTime(change.at)}
                </li>
              ))
            ) : (
              <li>the referral was saved again</li>
            )}
          </ul>
          <p className="govuk-body govuk-!-margin-bottom-0">Your answers are still on this page and have not been saved. {again}</p>
        </div>
      </div>
    </div>
  );
}
