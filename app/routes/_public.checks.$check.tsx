import type { MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { CheckResponse } from '#modules/checks/service';
import type { CheckWording } from '#modules/checks/wording';
import { CheckAnswers } from '~/components/checks/check-answers';
import { CheckCode } from '~/components/checks/code';
import { CheckQuestion } from '~/components/checks/question';
import { CheckResultPage } from '~/components/checks/result';
import { CheckResume } from '~/components/checks/resume';
import { useCheckSteps, useStepFocus } from '~/components/checks/check-steps';
import { CheckStart } from '~/components/checks/start';
import { ErrorSummary } from '~/components/form/error-summary';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { onlyWhenTheAddressChanges } from '~/components/revalidation';
import { loadCheck, stepCheck } from '~/server/checks.server';

// No title in the head: each step's title is rendered with the step (see StepTitle).
export const meta: MetaFunction<typeof loader> = () => [];
export const handle = { pageCache: true };
export const loader = loadCheck;
// The wording does not change from step to step.
export const shouldRevalidate = onlyWhenTheAddressChanges;
// Every step is a POST: the answers travel in the form, never in the address.
export const action = stepCheck;

function stepTitle(check: Omit<CheckWording, 'bands' | 'sections' | 'reasons'>, data: CheckResponse | undefined): string {
  const view = data?.view;
  const error = view && 'error' in view && view.error ? 'Error: ' : '';
  if (!view || view.kind === 'start') return check.title;
  if (view.kind === 'question') return `${error}${check.questions[view.questionId]?.text ?? ''} – ${check.title}`;
  if (view.kind === 'check-answers') return `Check your answers – ${check.title}`;
  if (view.kind === 'result') return `${view.band.title} – ${check.title}`;
  if (view.kind === 'code') return `Your code to continue another day – ${check.title}`;
  return `${error}Continue with your code – ${check.title}`;
}

/**
 * The page's title names the step. The head is rendered from loader data only, and
 * a step comes from the posted form, so the title is rendered with the step itself:
 * with no title in the head, the browser takes the first <title> in the document as
 * the page's title, with or without JavaScript (WCAG 2.4.2).
 */
function StepTitle({ title }: { title: string }) {
  return <title>{title}</title>;
}

export default function Check() {
  const { check, types, common } = useLoaderData<typeof loader>();
  const data = useActionData<CheckResponse>();
  const { onSubmit, restoring } = useCheckSteps(Boolean(data));
  const view = data?.view ?? { kind: 'start' as const };
  const carried = data?.carried ?? [];
  const title = `${stepTitle(check as CheckWording, data)} – ${PUBLIC_SERVICE_NAME}`;
  const announcement = useStepFocus(data, title);
  return (
    // Submissions are caught here so that each step gets its own history entry.
    <div onSubmitCapture={onSubmit}>
      <StepTitle title={title} />
      <p className="govuk-visually-hidden app-step-announcement" role="status" aria-live="polite">
        {announcement}
      </p>
      {restoring ? null : (
        <>
          {data?.notice ? <ErrorSummary errors={[{ href: 'main-content', message: data.notice }]} /> : null}
          {view.kind === 'start' ? <CheckStart check={check as CheckWording} /> : null}
          {view.kind === 'question' ? <CheckQuestion check={check as CheckWording} view={view} carried={carried} questionType={types[view.questionId] ?? 'single'} /> : null}
          {view.kind === 'check-answers' ? <CheckAnswers check={check as CheckWording} view={view} carried={carried} /> : null}
          {view.kind === 'result' ? <CheckResultPage check={check as CheckWording} common={common} view={view} /> : null}
          {view.kind === 'code' ? <CheckCode check={check as CheckWording} view={view} carried={carried} /> : null}
          {view.kind === 'resume' ? <CheckResume check={check as CheckWording} action="." error={view.error} typed={view.typed} /> : null}
          {view.kind === 'start' ? null : (
            <noscript>
              <p className="govuk-body-s app-secondary-text">
                To go back, use the buttons on this page. Your browser&apos;s Back button may ask to send your answers again, because we do not keep them.
              </p>
            </noscript>
          )}
        </>
      )}
    </div>
  );
}
