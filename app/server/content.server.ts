/**
 * Loader and action for every content page (self-help and toolkit): find the page,
 * and for an exercise, reflect the posted answers back. Nothing posted is stored.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { AREAS, getContentLibrary, type Area, type ContentPage } from '#modules/content/index';
import { exerciseFormSchema, feedbackFor, summariseAnswers, type ExerciseAnswers } from '#modules/content/exercise';
import { planDocument, planFileName } from '#modules/content/plan';
import { presentArea, presentContentPage } from '#modules/content/presenter';
import { renderPdf } from '#modules/documents/pdf';
import { notFound } from './http.server';

function areaOf(value: string | undefined): Area {
  if (!AREAS.includes(value as Area)) notFound();
  return value as Area;
}

export function findPage(area: Area, params: { group?: string; page?: string }): ContentPage {
  const path = params.page ? `/${area}/${params.group}/${params.page}` : `/${area}/${params.group}`;
  return getContentLibrary().page(path) ?? notFound();
}

export function loadContentPage(area: Area, params: LoaderFunctionArgs['params']) {
  const library = getContentLibrary();
  return json({ view: presentContentPage(library, findPage(areaOf(area), params)) });
}

export function loadArea(area: Area) {
  return json({ view: presentArea(getContentLibrary(), area) });
}

export type ExerciseActionData =
  | { status: 'invalid'; errors: Record<string, string>; values: Record<string, string | string[] | undefined> }
  | {
      status: 'reflected';
      summary: ReturnType<typeof summariseAnswers>;
      feedback: string[];
      values: Record<string, string | string[] | undefined>;
    };

/** Only the exercise's own fields go back to the page; anything else posted is dropped. */
function echoValues(page: ContentPage, payload: Record<string, unknown>) {
  const values: Record<string, string | string[] | undefined> = {};
  for (const field of page.exercise!.fields) {
    const raw = payload[field.name];
    if (typeof raw === 'string') values[field.name] = raw.slice(0, 10_000);
    else if (Array.isArray(raw)) values[field.name] = raw.filter((v): v is string => typeof v === 'string').slice(0, 20).map((v) => v.slice(0, 10_000));
  }
  return values;
}

async function parseAnswers(page: ContentPage, request: Request) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: exerciseFormSchema(page.exercise!) });
  const values = echoValues(page, (submission.payload ?? {}) as Record<string, unknown>);
  return { submission, values };
}

export async function reflectExercise(area: Area, { request, params }: ActionFunctionArgs) {
  const page = findPage(areaOf(area), params);
  if (!page.exercise) throw json(null, { status: 405 });
  const { submission, values } = await parseAnswers(page, request);
  if (submission.status !== 'success') {
    const errors = Object.fromEntries(
      Object.entries(submission.error ?? {})
        .filter(([, messages]) => messages?.length)
        .map(([name, messages]) => [name.split(/[.[]/)[0]!, messages![0]!]),
    );
    return json<ExerciseActionData>({ status: 'invalid', errors, values }, { status: 400 });
  }
  const answers = submission.value as ExerciseAnswers;
  return json<ExerciseActionData>({
    status: 'reflected',
    summary: summariseAnswers(page.exercise, answers),
    feedback: feedbackFor(page.exercise, answers),
    values,
  });
}

/** The plan as a PDF, made from the posted answers and never kept. */
export async function downloadPlan(area: Area, args: ActionFunctionArgs) {
  const page = findPage(areaOf(area), args.params);
  if (!page.exercise?.printable) notFound();
  const { submission } = await parseAnswers(page, args.request);
  if (submission.status !== 'success') {
    return new Response(
      'Your plan could not be made into a PDF because some answers were missing or too long. Go back to the plan page, check your answers and try again.',
      { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
    );
  }
  const pdf = await renderPdf(planDocument(page, submission.value as ExerciseAnswers));
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${planFileName()}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'no-store',
    },
  });
}
