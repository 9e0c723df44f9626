/**
 * What a self-check is: questions with typed answers, the rule for which questions
 * apply given earlier answers, and a pure function from answers to a result band
 * and next steps. The wording lives in content/checks/<id>.yaml; here only ids.
 */
import type { CheckId } from './ids';

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export type QuestionType = 'single' | 'multiple' | 'scale';

export interface Question {
  id: string;
  type: QuestionType;
  /** Option ids (single and multiple). A scale has no options. */
  options?: readonly string[];
  /** Scale bounds, inclusive. */
  min?: number;
  max?: number;
  /** Options that cannot be chosen with any other (multiple only). */
  exclusive?: readonly string[];
  /** Adds a kind "prefer not to say" option. */
  preferNotToSay?: boolean;
  /** When an earlier answer makes this question pointless, it is skipped. */
  showIf?: (answers: Answers) => boolean;
}

export type Answer = string | string[] | number;
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** Urgent help that must come first on the result. */
export type UrgentFlag = 'child_in_danger' | 'suicide' | 'someone_else_suicide';

export interface CheckResult {
  band: string;
  /** Keys of extra paragraphs (in the check's wording file) that fit these answers. */
  sections: string[];
  /** Pages to go to next, each with the key of the sentence saying why. */
  nextSteps: Array<{ path: string; reason: string }>;
  urgent: UrgentFlag[];
}

export interface CheckDefinition {
  id: CheckId;
  /** Bumped when questions or options change in a way old resume codes cannot follow. */
  version: number;
  questions: readonly Question[];
  bands: readonly string[];
  /** Every section key `result` may return. */
  sections: readonly string[];
  /** Every reason key `result` may return. */
  reasons: readonly string[];
  result(answers: Answers): CheckResult;
}

/** The options a person sees for a question, with "prefer not to say" last. */
export function optionsOf(question: Question): string[] {
  const options = [...(question.options ?? [])];
  if (question.preferNotToSay) options.push(PREFER_NOT_TO_SAY);
  return options;
}

// Small helpers that keep result functions readable.
export const chose = (answers: Answers, question: string, ...values: string[]) => {
  const answer = answers[question];
  if (Array.isArray(answer)) return values.some((v) => answer.includes(v));
  return typeof answer === 'string' && values.includes(answer);
};
export const scale = (answers: Answers, question: string): number | undefined => {
  const answer = answers[question];
  return typeof answer === 'number' ? answer : undefined;
};
export const answered = (answers: Answers, question: string) => answers[question] !== undefined;
