/**
 * The journey through a check, one question a page: which question comes next,
 * going back, changing an answer from "check your answers", and the result.
 * Pure: it takes the answers and the person's request, and says what to show.
 */
import type { Answer, Answers, CheckDefinition, CheckResult, Question } from './definition';
import { parseResponse } from './answers';

export type Step =
  | { kind: 'start' }
  | { kind: 'question'; question: Question; returnTo: 'check' | null; error?: string; draft?: string[] }
  | { kind: 'check-answers' }
  | { kind: 'result'; result: CheckResult };

export type Intent =
  | { intent: 'start' }
  | { intent: 'answer'; questionId: string; response: string[]; returnTo: 'check' | null }
  | { intent: 'back'; questionId: string; response: string[] }
  | { intent: 'change'; questionId: string }
  | { intent: 'check-answers' }
  | { intent: 'result' }
  /** Return to where the person was (after taking a code, or resuming). */
  | { intent: 'continue'; at: string | null };

export function visibleQuestions(check: CheckDefinition, answers: Answers): Question[] {
  const visible: Question[] = [];
  const sofar: Record<string, Answer | undefined> = {};
  for (const question of check.questions) {
    // A question's visibility depends only on the answers to questions before it.
    if (!question.showIf || question.showIf(sofar)) {
      visible.push(question);
      sofar[question.id] = answers[question.id];
    }
  }
  return visible;
}

/** Drops answers to questions that an earlier answer has made pointless. */
export function pruneHidden(check: CheckDefinition, answers: Answers): Answers {
  const visible = new Set(visibleQuestions(check, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id, answer]) => visible.has(id) && answer !== undefined));
}

export function firstUnanswered(check: CheckDefinition, answers: Answers, after?: string): Question | undefined {
  const visible = visibleQuestions(check, answers);
  const from = after ? visible.findIndex((q) => q.id === after) + 1 : 0;
  return visible.slice(from).find((q) => answers[q.id] === undefined) ?? visible.find((q) => answers[q.id] === undefined);
}

export function isComplete(check: CheckDefinition, answers: Answers): boolean {
  return firstUnanswered(check, answers) === undefined;
}

const ask = (question: Question, returnTo: 'check' | null = null): Extract<Step, { kind: 'question' }> => ({ kind: 'question', question, returnTo });

/** Where to go when nothing is missing: check your answers. Otherwise the first gap. */
function onward(check: CheckDefinition, answers: Answers, after?: string): Step {
  const gap = firstUnanswered(check, answers, after);
  return gap ? ask(gap) : { kind: 'check-answers' };
}

export function advance(check: CheckDefinition, answers: Answers, request: Intent, labels: Record<string, string> = {}): { step: Step; answers: Answers } {
  const question = 'questionId' in request ? visibleQuestions(check, answers).find((q) => q.id === request.questionId) : undefined;
  switch (request.intent) {
    case 'start':
      return { step: ask(visibleQuestions(check, {})[0]!), answers: {} };
    case 'answer': {
      if (!question) return { step: onward(check, answers), answers };
      const parsed = parseResponse(question, request.response, labels);
      if (!parsed.ok) return { step: { ...ask(question, request.returnTo), error: parsed.error, draft: request.response.slice(0, 50) }, answers };
      const next = pruneHidden(check, { ...answers, [question.id]: parsed.answer });
      if (request.returnTo === 'check') return { step: onward(check, next), answers: next };
      return { step: onward(check, next, question.id), answers: next };
    }
    case 'back': {
      if (!question) return { step: onward(check, answers), answers };
      // What was chosen on this page is kept if it is a valid answer, so nothing is lost.
      const parsed = parseResponse(question, request.response, labels);
      const kept = parsed.ok ? pruneHidden(check, { ...answers, [question.id]: parsed.answer }) : answers;
      const visible = visibleQuestions(check, kept);
      const at = visible.findIndex((q) => q.id === question.id);
      return { step: at > 0 ? ask(visible[at - 1]!) : { kind: 'start' }, answers: kept };
    }
    case 'change':
      return { step: question ? ask(question, 'check') : onward(check, answers), answers };
    case 'check-answers':
      return { step: onward(check, answers), answers };
    case 'result': {
      if (!isComplete(check, answers)) return { step: onward(check, answers), answers };
      return { step: { kind: 'result', result: check.result(answers) }, answers };
    }
    case 'continue': {
      const at = request.at ? visibleQuestions(check, answers).find((q) => q.id === request.at) : undefined;
      if (at) return { step: ask(at), answers };
      return { step: onward(check, answers), answers };
    }
  }
}
