/**
 * The words of each check, from content/checks/<id>.yaml, checked against the check's
 * structure: every question, option, band, section and reason must have its words,
 * and nothing may be left over. Markdown is rendered (and sanitised) once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { renderMarkdown } from '../content/markdown';
import { optionsOf, PREFER_NOT_TO_SAY, type CheckDefinition, type UrgentFlag } from './definition';
import type { CheckId } from './ids';

const source = z.object({ url: z.url({ protocol: /^https?$/ }), supports: z.string().min(5) }).strict();

const checkFileSchema = z
  .object({
    title: z.string().min(3).max(70),
    summary: z.string().min(10),
    duration: z.string().min(3),
    reviewed: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    sources: z.array(source),
    intro: z.string().min(20),
    questions: z.record(
      z.string(),
      z
        .object({
          text: z.string().min(3),
          hint: z.string().optional(),
          options: z.record(z.string(), z.string().min(1)).optional(),
          minLabel: z.string().optional(),
          maxLabel: z.string().optional(),
        })
        .strict(),
    ),
    bands: z.record(z.string(), z.object({ title: z.string().min(3), body: z.string().min(10) }).strict()),
    sections: z.record(z.string(), z.string().min(10)),
    reasons: z.record(z.string(), z.string().min(5)),
  })
  .strict();

const commonFileSchema = z
  .object({
    prefer_not_to_say: z.string().min(3),
    nothing_saved: z.string().min(10),
    helpline: z.string().min(20),
    urgent: z.object({ child_in_danger: z.string(), child_at_risk_from_me: z.string(), suicide: z.string(), someone_else_suicide: z.string() }).strict(),
    reviewed: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    sources: z.array(source),
  })
  .strict();

export interface QuestionWording {
  text: string;
  hint: string | null;
  /** Option id → label, in the order the check gives them ("prefer not to say" last). */
  options: Array<{ value: string; label: string }>;
  minLabel: string | null;
  maxLabel: string | null;
}

export interface CheckWording {
  id: CheckId;
  title: string;
  summary: string;
  duration: string;
  reviewed: string;
  sources: Array<{ url: string; supports: string }>;
  introHtml: string;
  questions: Record<string, QuestionWording>;
  bands: Record<string, { title: string; html: string }>;
  sections: Record<string, string>;
  reasons: Record<string, string>;
}

export interface CommonWording {
  nothingSaved: string;
  helplineHtml: string;
  urgentHtml: Record<UrgentFlag, string>;
  sources: Array<{ url: string; supports: string }>;
}

export class CheckWordingError extends Error {
  constructor(readonly problems: string[]) {
    super(`The check wording has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CheckWordingError';
  }
}

function sameKeys(file: string, what: string, expected: readonly string[], actual: string[], problems: string[]) {
  for (const key of expected) if (!actual.includes(key)) problems.push(`${file}: ${what} "${key}" has no wording`);
  for (const key of actual) if (!expected.includes(key)) problems.push(`${file}: ${what} "${key}" is not part of this check`);
}

export function loadCheckWording(
  directory: string,
  checks: Record<CheckId, CheckDefinition>,
  pageExists: (path: string) => boolean,
): { checks: Record<CheckId, CheckWording>; common: CommonWording } {
  const problems: string[] = [];
  const read = (name: string) => {
    const file = path.join(directory, name);
    try {
      return { file: path.relative(path.dirname(directory), file), data: parseYaml(readFileSync(file, 'utf8')) as unknown };
    } catch (error) {
      problems.push(`${path.relative(path.dirname(directory), file)}: cannot be read (${error instanceof Error ? error.message.split('\n')[0] : error})`);
      return null;
    }
  };
  const html = (markdown: string, file: string) => {
    const rendered = renderMarkdown(markdown);
    for (const link of rendered.links) if (link.startsWith('/') && !pageExists(link)) problems.push(`${file}: the link "${link}" goes to a page that does not exist`);
    return rendered.html;
  };

  const commonRead = read('common.yaml');
  const commonParsed = commonRead ? commonFileSchema.safeParse(commonRead.data) : null;
  if (commonRead && commonParsed && !commonParsed.success) {
    for (const issue of commonParsed.error.issues) problems.push(`${commonRead.file}: field "${issue.path.join('.')}": ${issue.message}`);
  }
  const common = commonParsed?.success ? commonParsed.data : null;

  const result = {} as Record<CheckId, CheckWording>;
  for (const check of Object.values(checks)) {
    const loaded = read(`${check.id}.yaml`);
    if (!loaded) continue;
    const parsed = checkFileSchema.safeParse(loaded.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${loaded.file}: field "${issue.path.join('.')}": ${issue.message}`);
      continue;
    }
    const words = parsed.data;
    const file = loaded.file;
    sameKeys(file, 'question', check.questions.map((q) => q.id), Object.keys(words.questions), problems);
    sameKeys(file, 'band', check.bands, Object.keys(words.bands), problems);
    sameKeys(file, 'section', check.sections, Object.keys(words.sections), problems);
    sameKeys(file, 'reason', check.reasons, Object.keys(words.reasons), problems);
    const questions: Record<string, QuestionWording> = {};
    for (const question of check.questions) {
      const q = words.questions[question.id];
      if (!q) continue;
      if (question.type === 'scale') {
        if (!q.minLabel || !q.maxLabel) problems.push(`${file}: question "${question.id}" is a scale and needs minLabel and maxLabel`);
        if (q.options) problems.push(`${file}: question "${question.id}" is a scale and has no options`);
      } else {
        sameKeys(file, `option of "${question.id}"`, question.options ?? [], Object.keys(q.options ?? {}), problems);
      }
      questions[question.id] = {
        text: q.text,
        hint: q.hint ?? null,
        options: optionsOf(question).map((value) => ({
          value,
          label: value === PREFER_NOT_TO_SAY ? (common?.prefer_not_to_say ?? 'Prefer not to say') : (q.options?.[value] ?? value),
        })),
        minLabel: q.minLabel ?? null,
        maxLabel: q.maxLabel ?? null,
      };
    }
    result[check.id] = {
      id: check.id,
      title: words.title,
      summary: words.summary,
      duration: words.duration,
      reviewed: words.reviewed,
      sources: words.sources,
      introHtml: html(words.intro, file),
      questions,
      bands: Object.fromEntries(Object.entries(words.bands).map(([k, v]) => [k, { title: v.title, html: html(v.body, file) }])),
      sections: Object.fromEntries(Object.entries(words.sections).map(([k, v]) => [k, html(v, file)])),
      reasons: words.reasons,
    };
  }

  if (problems.length || !common) throw new CheckWordingError(problems.length ? problems : ['content/checks/common.yaml is missing']);
  return {
    checks: result,
    common: {
      nothingSaved: common.nothing_saved,
      helplineHtml: html(common.helpline, 'content/checks/common.yaml'),
      urgentHtml: {
        child_in_danger: html(common.urgent.child_in_danger, 'content/checks/common.yaml'),
        child_at_risk_from_me: html(common.urgent.child_at_risk_from_me, 'content/checks/common.yaml'),
        suicide: html(common.urgent.suicide, 'content/checks/common.yaml'),
        someone_else_suicide: html(common.urgent.someone_else_suicide, 'content/checks/common.yaml'),
      },
      sources: common.sources,
    },
  };
}
