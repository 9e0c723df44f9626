import { useEffect } from 'react';
import type { LocalProgressApi } from '~/client/local-progress';

/**
 * The opt-in, with its warning, and the one-click "forget". Shown only where
 * JavaScript runs, since local storage is all it uses.
 */
export function LocalProgress({ pagePath, api }: { pagePath: string; api: LocalProgressApi }) {
  const { progress, optIn, forgetEverything, markVisited } = api;
  useEffect(() => {
    if (progress) markVisited(pagePath);
  }, [progress, pagePath, markVisited]);

  if (progress === undefined) return null;
  if (progress === null) {
    return (
      <div className="app-local-progress" data-local-progress="off">
        <h2 className="govuk-heading-s">Keep my progress on this device</h2>
        <p className="govuk-body-s">
          You can choose to keep a note of the pages you have read and what you wrote in the exercises. It stays in this
          web browser only; it is never sent to us.
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Anyone who uses this device and browser could see it. Only do this on a device that nobody else uses.
          </strong>
        </div>
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={optIn}>
          Keep my progress on this device
        </button>
      </div>
    );
  }
  return (
    <div className="app-local-progress" data-local-progress="on">
      <h2 className="govuk-heading-s">Your progress is kept on this device</h2>
      <p className="govuk-body-s">
        You have read {progress.visited.length} page{progress.visited.length === 1 ? '' : 's'}
        {Object.keys(progress.answers).length ? ` and kept answers to ${Object.keys(progress.answers).length} exercise${Object.keys(progress.answers).length === 1 ? '' : 's'}` : ''}.
      </p>
      <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={forgetEverything}>
        Forget everything on this device
      </button>
    </div>
  );
}
