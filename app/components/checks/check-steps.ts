/**
 * How a check behaves in the browser with JavaScript: each step is its own entry in
 * the tab's history, so Back and Forward move between questions as a person expects;
 * each step opens at the top with focus on its heading. The answers for an entry live
 * only in that entry's history state (the tab's memory, never the address or the
 * server), and are used only while this page is open: a page loaded afresh, such as
 * after "Exit this page" and Back, starts the check again and clears them.
 * docs/decisions/013-back-button-downloads-and-resume-codes.md explains why.
 */
import { useLocation, useNavigate, useNavigation, useSubmit } from '@remix-run/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';

/** The fields of the submission that made a history entry, so Back can show it again. */
interface StepState {
  checkStep: Array<[string, string]>;
}

function stepState(value: unknown): StepState | null {
  const entries = (value as Partial<StepState> | null)?.checkStep;
  return Array.isArray(entries) && entries.every((e) => Array.isArray(e) && e.length === 2 && e.every((x) => typeof x === 'string')) ? { checkStep: entries } : null;
}

// Set once this page has moved between steps itself, so an entry's answers are only
// shown again within the same visit, never to whoever loads the page next.
let stepsTakenInThisPage = false;

export function useCheckSteps(hasStep: boolean) {
  const submit = useSubmit();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const saved = stepState(location.state);
  const restoring = !hasStep && saved !== null && stepsTakenInThisPage;

  const onSubmit = useCallback(
    // Runs in the capture phase, before Remix's own <Form> handler, and stops it, so
    // that the submission is sent once, as a new history entry.
    (event: FormEvent<HTMLDivElement>) => {
      const form = event.target as HTMLFormElement;
      if (form.method.toLowerCase() !== 'post') return;
      event.preventDefault();
      event.stopPropagation();
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      const fields = new FormData(form, submitter);
      const checkStep = [...fields.entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
      stepsTakenInThisPage = true;
      submit(fields, { method: 'post', action: form.getAttribute('action') ?? undefined, replace: false, state: { checkStep } satisfies StepState, preventScrollReset: true });
    },
    [submit],
  );

  // Back or Forward onto a step: ask the server for that step again, from the fields
  // that made it (the server keeps nothing, and counts a result only once).
  useEffect(() => {
    if (hasStep || !saved || navigation.state !== 'idle') return;
    if (!stepsTakenInThisPage) {
      navigate('.', { replace: true, state: null, preventScrollReset: true });
      return;
    }
    const fields = new FormData();
    for (const [name, value] of saved.checkStep) fields.append(name, value);
    fields.set('restore', 'yes');
    submit(fields, { method: 'post', replace: true, state: saved, preventScrollReset: true });
  }, [hasStep, saved, navigation.state, navigate, submit]);

  return { onSubmit, restoring };
}

/**
 * After each step: the page opens at its top, focus moves to the step's heading
 * (unless an error summary has already taken it), and the new title is announced.
 */
export function useStepFocus(step: unknown, title: string) {
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!step) return;
    window.scrollTo(0, 0);
    if (!document.activeElement?.closest('.govuk-error-summary')) {
      document.querySelector<HTMLElement>('[data-step-heading]')?.focus({ preventScroll: true });
    }
    setAnnouncement(title);
  }, [step, title]);
  return announcement;
}
