import type { MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import type { CheckResponse } from '#modules/checks/service';
import type { CheckWording } from '#modules/checks/wording';
import { CheckAnswers } from '~/components/checks/check-answers';
import { CheckCode } from '~/components/checks/code';
import { CheckQuestion } from '~/components/checks/question';
import { CheckResultPage } from '~/components/checks/result';
import { CheckResume } from '~/components/checks/resume';
import { CheckStart } from '~/components/checks/start';
import { ErrorSummary } from '~/components/form/error-summary';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { loadCheck, stepCheck } from '~/server/checks.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.check.title ?? 'Self-check'} – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = loadCheck;
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

export default function Check() {
  const { check, types, common } = useLoaderData<typeof loader>();
  const data = useActionData<CheckResponse>();
  const view = data?.view ?? { kind: 'start' as const };
  const carried = data?.carried ?? [];
  // Without JavaScript the title stays the check's own; with it, each step names itself.
  useEffect(() => {
    document.title = `${stepTitle(check as CheckWording, data)} – ${PUBLIC_SERVICE_NAME}`;
  }, [check, data]);
  return (
    <>
      {data?.notice ? <ErrorSummary errors={[{ href: 'main-content', message: data.notice }]} /> : null}
      {view.kind === 'start' ? <CheckStart check={check as CheckWording} /> : null}
      {view.kind === 'question' ? <CheckQuestion check={check as CheckWording} view={view} carried={carried} questionType={types[view.questionId] ?? 'single'} /> : null}
      {view.kind === 'check-answers' ? <CheckAnswers check={check as CheckWording} view={view} carried={carried} /> : null}
      {view.kind === 'result' ? <CheckResultPage check={check as CheckWording} common={common} view={view} /> : null}
      {view.kind === 'code' ? <CheckCode check={check as CheckWording} view={view} carried={carried} /> : null}
      {view.kind === 'resume' ? <CheckResume check={check as CheckWording} action="." error={view.error} typed={view.typed} /> : null}
    </>
  );
}
