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

/**
 * Urgent help that must come first on the result. `child_in_danger` speaks to someone
 * worried about another person; `child_at_risk_from_me` to the person who told us
 * they may be a risk to a child.
 */
export type UrgentFlag = 'child_in_danger' | 'child_at_risk_from_me' | 'suicide' | 'someone_else_suicide';
export const URGENT_FLAGS = ['child_in_danger', 'child_at_risk_from_me', 'suicide', 'someone_else_suicide'] as const satisfies readonly UrgentFlag[];

/** What must hold of the answers for a rule to apply. */
export type Condition =
  /** Any of these options was chosen. */
  | { question: string; is: readonly string[] }
  /** A scale answer at or above this number. */
  | { question: string; atLeast: number }
  /** At least `count` of these options were chosen (a multiple-choice question). */
  | { question: string; count: number; of: readonly string[] }
  /** Every one of these holds: a combination of signs. */
  | { all: readonly Condition[] }
  /** At least `count` of these hold. */
  | { atLeastOf: number; conditions: readonly Condition[] };

/**
 * One row of a check's rule table: when the answers show this, the result is at least
 * this urgent. Rows only ever raise the result, so adding a sign can never make it milder.
 */
export interface BandRule {
  when: Condition;
  /** The mildest level this row allows. */
  atLeast: string;
  /** Urgent help this row puts first on the result. */
  urgent?: UrgentFlag;
  /** Why, in a few words, with the guidance it follows. */
  because: string;
}

export interface RuleTable {
  /** How urgent a result can be, from the most urgent to the least. Everyone starts at the last. */
  levels: readonly string[];
  rules: readonly BandRule[];
}

export interface CheckResult {
  /** How urgent the answers are: one of the table's levels. */
  level: string;
  /** The wording shown for that level, to the person who answered. */
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
  /** The rules from answers to how urgent the result is, as data a reader can scan. */
  table: RuleTable;
  /** Every band `result` may return (its wording keys). */
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

export function holds(answers: Answers, condition: Condition): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(answers, c));
  if ('atLeastOf' in condition) return condition.conditions.filter((c) => holds(answers, c)).length >= condition.atLeastOf;
  if ('is' in condition) return chose(answers, condition.question, ...condition.is);
  if ('atLeast' in condition) return (scale(answers, condition.question) ?? -1) >= condition.atLeast;
  const answer = answers[condition.question];
  return Array.isArray(answer) && condition.of.filter((v) => answer.includes(v)).length >= condition.count;
}

/** The most urgent level any row of the table gives these answers, and the urgent help the rows ask for. */
export function applyTable(table: RuleTable, answers: Answers): { level: string; urgent: UrgentFlag[] } {
  let rank = table.levels.length - 1;
  const urgent = new Set<UrgentFlag>();
  for (const rule of table.rules) {
    if (!holds(answers, rule.when)) continue;
    rank = Math.min(rank, table.levels.indexOf(rule.atLeast));
    if (rule.urgent) urgent.add(rule.urgent);
  }
  return { level: table.levels[rank]!, urgent: URGENT_FLAGS.filter((flag) => urgent.has(flag)) };
}

/** 0 is the most urgent level. */
export const levelRank = (table: RuleTable, level: string) => table.levels.indexOf(level);
