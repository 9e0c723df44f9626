/**
 * Props for the heading of a page that opens as the next step of a form (a check's
 * next question, its answers, its result). `autoFocus` puts focus on it when the page
 * loads without JavaScript, so a screen reader starts there rather than at the top of
 * the site; with JavaScript the check's page moves focus itself (see useStepFocus).
 * An error summary takes focus first when there is one: it comes earlier in the page
 * and has its own `autoFocus`.
 */
export const STEP_HEADING = { tabIndex: -1, autoFocus: true, 'data-step-heading': '' } as const;
