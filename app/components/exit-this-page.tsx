import { memo, useEffect, useRef } from 'react';

/**
 * Where "Exit this page" goes: an ordinary, neutral page that says nothing about
 * what the person was reading.
 */
export const NEUTRAL_SITE_URL = 'https://www.bbc.co.uk/weather';

/**
 * The GOV.UK "Exit this page" button. Without JavaScript it is a plain link; with
 * JavaScript, pressing Shift three times also leaves, and leaving replaces this page
 * in the browser's history.
 */
export const ExitThisPage = memo(function ExitThisPage() {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    void import('~/client/exit-this-page').then(({ enhanceExitThisPage }) => enhanceExitThisPage(element));
  }, []);
  return (
    <div className="app-exit-this-page-container">
      <div className="govuk-exit-this-page" data-module="govuk-exit-this-page" ref={root}>
        <a
          href={NEUTRAL_SITE_URL}
          role="button"
          draggable="false"
          className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
          data-module="govuk-button"
          rel="nofollow noreferrer"
        >
          <span className="govuk-visually-hidden">Emergency</span> Exit this page
        </a>
      </div>
    </div>
  );
});

/** The first thing a keyboard or screen reader user reaches on every anonymous page. */
export function ExitThisPageSkipLink() {
  return (
    <a
      href={NEUTRAL_SITE_URL}
      className="govuk-skip-link govuk-js-exit-this-page-skiplink"
      rel="nofollow noreferrer"
      data-module="govuk-skip-link"
    >
      Exit this page
    </a>
  );
}
