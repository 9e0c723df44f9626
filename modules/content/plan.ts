/**
 * A printable plan (my plan for change, the family safety plan) from the answers
 * a person has just posted. Made on request and never kept.
 */
import type { DocumentModel } from '../documents/pdf';
import type { ExerciseAnswers } from './exercise';
import { summariseAnswers } from './exercise';
import type { ContentPage } from './library';

export const PLAN_PRIVACY_NOTE =
  'This site did not keep a copy of this plan. Keep it somewhere private: not on a shared computer or phone, and not where visitors could see it, unless it is meant for the whole household.';

export function planDocument(page: ContentPage, answers: ExerciseAnswers): DocumentModel {
  if (!page.exercise) throw new Error(`${page.path} has no exercise`);
  return {
    title: page.title,
    subtitle: page.summary,
    subject: page.title,
    notice: PLAN_PRIVACY_NOTE,
    sections: summariseAnswers(page.exercise, answers).map((answer) => ({
      heading: answer.label,
      items: answer.lines,
      emptyText: 'Nothing written here yet.',
    })),
    footer: 'Stop It Now helpline: 0808 1000 900. In an emergency, call 999. Samaritans: 116 123.',
  };
}

/**
 * One plain name for every plan: a downloads folder is easy to look through, and a
 * name such as "my-plan-for-change.pdf" would say what the person was working on.
 */
export function planFileName(): string {
  return 'plan.pdf';
}
