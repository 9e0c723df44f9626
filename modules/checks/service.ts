/**
 * One request in a self-check, from the posted form to what the page shows.
 * The answers arrive in the form and leave in the page; the only thing written
 * anywhere is the weekly counter when a result is shown.
 */
import path from 'node:path';
import type { Db } from '../../db/connection';
import { APP_PAGE_PATHS, getContentLibrary } from '../content/index';
import { LOCAL_HELP_TITLE } from '../content/local-help';
import { recordCheckCompletion } from '../stats/check-counts';
import { carriedFields, formValues, readCarriedAnswers, type RawValues } from './answers';
import type { Answers, CheckDefinition } from './definition';
import { advance, visibleQuestions, type Intent, type Step } from './flow';
import { CHECK_IDS, type CheckId } from './ids';
import { CHECKS } from './index';
import { CODE_LIFETIME_DAYS, type ResumeCodec } from './resume-code';
import { loadCheckWording, type CheckWording, type CommonWording } from './wording';

let wording: { checks: Record<CheckId, CheckWording>; common: CommonWording } | undefined;

/** Every check's words, loaded and checked once. */
export function getCheckWording() {
  wording ??= loadCheckWording(path.resolve(process.env.CONTENT_DIR ?? 'content', 'checks'), CHECKS, (p) => {
    const target = p.split('#')[0]!;
    return Boolean(getContentLibrary().page(target)) || [...APP_PAGE_PATHS, '/self-help', '/toolkit'].includes(target);
  });
  return wording;
}

export function findCheck(id: string | undefined): CheckDefinition | undefined {
  return CHECK_IDS.includes(id as CheckId) ? CHECKS[id as CheckId] : undefined;
}

export interface CheckAnswerRow {
  questionId: string;
  question: string;
  answer: string[];
}

export type CheckView =
  | { kind: 'start' }
  | { kind: 'question'; questionId: string; number: number; returnTo: 'check' | null; error: string | null; draft: string[] | null }
  | { kind: 'check-answers'; rows: CheckAnswerRow[] }
  | {
      kind: 'result';
      band: { id: string; title: string; html: string };
      urgent: string[];
      sections: string[];
      nextSteps: Array<{ path: string; title: string; reason: string }>;
    }
  | { kind: 'code'; code: string; at: string | null; lifetimeDays: number }
  | { kind: 'resume'; error: string | null; typed: string };

export interface CheckResponse {
  view: CheckView;
  /** Hidden fields carrying the answers to the next step. */
  carried: Array<{ name: string; value: string }>;
  /** Shown above everything when some carried answers could not be read. */
  notice: string | null;
  status: 200 | 400;
}

const DROPPED_NOTICE = 'Some of your earlier answers could not be read, so they have been removed. Please answer those questions again.';

export interface CheckDeps {
  db: Db;
  codec: ResumeCodec;
  now?: Date;
}

function one(raw: RawValues, name: string): string | undefined {
  return raw[name]?.[0];
}

function readIntent(raw: RawValues): Intent | { intent: 'code'; at: string | null; response: string[] } | { intent: 'resume'; code: string } {
  const questionId = one(raw, 'question') ?? '';
  const response = raw.response ?? [];
  const intent = one(raw, 'intent') ?? '';
  // "Change" buttons on the check-your-answers page name their question: change:<id>.
  if (intent.startsWith('change:')) return { intent: 'change', questionId: intent.slice('change:'.length) };
  switch (intent) {
    case 'start':
      return { intent: 'start' };
    case 'answer':
      return { intent: 'answer', questionId, response, returnTo: one(raw, 'returnTo') === 'check' ? 'check' : null };
    case 'back':
      return { intent: 'back', questionId, response };
    case 'check-answers':
      return { intent: 'check-answers' };
    case 'result':
      return { intent: 'result' };
    case 'code':
      return { intent: 'code', at: questionId || null, response };
    case 'resume':
      return { intent: 'resume', code: one(raw, 'code') ?? '' };
    default:
      return { intent: 'continue', at: one(raw, 'at') ?? null };
  }
}

function labelsFor(words: CheckWording): Record<string, string> {
  return Object.fromEntries(Object.values(words.questions).flatMap((q) => q.options.map((o) => [o.value, o.label])));
}

export function answerRows(check: CheckDefinition, words: CheckWording, answers: Answers): CheckAnswerRow[] {
  return visibleQuestions(check, answers)
    .filter((q) => answers[q.id] !== undefined)
    .map((q) => {
      const w = words.questions[q.id]!;
      const answer = answers[q.id]!;
      const label = (value: string) => w.options.find((o) => o.value === value)?.label ?? value;
      return {
        questionId: q.id,
        question: w.text,
        answer:
          typeof answer === 'number'
            ? [`${answer} (0 is “${w.minLabel}”, ${q.max ?? 10} is “${w.maxLabel}”)`]
            : (Array.isArray(answer) ? answer : [answer]).map(label),
      };
    });
}

function viewOf(step: Step, check: CheckDefinition, words: CheckWording, common: CommonWording, answers: Answers): CheckView {
  switch (step.kind) {
    case 'start':
      return { kind: 'start' };
    case 'question':
      return {
        kind: 'question',
        questionId: step.question.id,
        number: visibleQuestions(check, answers).findIndex((q) => q.id === step.question.id) + 1,
        returnTo: step.returnTo,
        error: step.error ?? null,
        draft: step.draft ?? null,
      };
    case 'check-answers':
      return { kind: 'check-answers', rows: answerRows(check, words, answers) };
    case 'result': {
      const library = getContentLibrary();
      return {
        kind: 'result',
        band: { id: step.result.band, ...words.bands[step.result.band]! },
        urgent: step.result.urgent.map((flag) => common.urgentHtml[flag]),
        sections: step.result.sections.map((key) => words.sections[key]!),
        nextSteps: step.result.nextSteps.map((s) => ({ path: s.path, title: s.path === '/local-help' ? LOCAL_HELP_TITLE : (library.page(s.path)?.title ?? s.path), reason: words.reasons[s.reason]! })),
      };
    }
  }
}

export async function handleCheckRequest(check: CheckDefinition, form: Iterable<[string, FormDataEntryValue]>, deps: CheckDeps): Promise<CheckResponse> {
  const { checks, common } = getCheckWording();
  const words = checks[check.id];
  const raw = formValues(form);
  const carried = readCarriedAnswers(check, raw);
  const notice = carried.dropped ? DROPPED_NOTICE : null;
  const request = readIntent(raw);
  const respond = (view: CheckView, answers: Answers, status: 200 | 400 = 200): CheckResponse => ({
    view,
    carried: view.kind === 'result' ? [] : carriedFields(answers),
    notice,
    status: notice && status === 200 ? 400 : status,
  });

  if (request.intent === 'resume') {
    const decoded = deps.codec.decode(check, request.code);
    if (!decoded.ok) {
      const error =
        decoded.reason === 'expired'
          ? `This code has expired. Codes work for ${CODE_LIFETIME_DAYS} days. You can start the check again; it takes about 5 minutes.`
          : request.code.trim() === ''
            ? 'Enter the code you were given'
            : 'This code does not work for this check. Check you have typed every letter and number exactly as it was given to you.';
      return respond({ kind: 'resume', error, typed: request.code.slice(0, 100) }, {}, 400);
    }
    const { step, answers } = advance(check, decoded.answers, { intent: 'continue', at: null });
    return respond(viewOf(step, check, words, common, answers), answers);
  }

  if (request.intent === 'code') {
    // Whatever is chosen on the current page goes into the code too, if it is a valid answer.
    const withCurrent = request.at ? advance(check, carried.answers, { intent: 'back', questionId: request.at, response: request.response }, labelsFor(words)).answers : carried.answers;
    return respond({ kind: 'code', code: deps.codec.encode(check, withCurrent), at: request.at, lifetimeDays: CODE_LIFETIME_DAYS }, withCurrent);
  }

  const { step, answers } = advance(check, carried.answers, request, labelsFor(words));
  // A result shown again by Back or Forward (the browser re-sending the same answers) is not counted twice.
  if (step.kind === 'result' && one(raw, 'restore') !== 'yes') await recordCheckCompletion(deps.db, check.id, step.result.band, deps.now);
  return respond(viewOf(step, check, words, common, answers), answers, step.kind === 'question' && step.error ? 400 : 200);
}
