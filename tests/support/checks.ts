/** Helpers to drive a self-check through its action, as a browser without JavaScript would. */
import type { Db } from '../../db/connection';
import { createResumeCodec, generateResumeKeys, parseResumeKeys } from '../../modules/checks/resume-code';
import type { CheckResponse } from '../../modules/checks/service';
import { stepCheck } from '../../app/server/checks.server';

export const testCodec = createResumeCodec(parseResumeKeys(generateResumeKeys()));

export async function postStep(db: Db, check: string, fields: Array<[string, string]>): Promise<{ status: number; body: CheckResponse }> {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost/checks/${check}`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  const response = await stepCheck({ request, params: { check }, context: { db, resumeCodec: testCodec } as never });
  return { status: response.status, body: (await response.json()) as CheckResponse };
}

/** Answers every question in turn with the given choices, then asks for the result. */
export async function completeCheck(db: Db, check: string, choices: Record<string, string[]>): Promise<CheckResponse> {
  let { body } = await postStep(db, check, [['intent', 'start']]);
  for (let guard = 0; body.view.kind === 'question' && guard < 20; guard++) {
    const question = body.view.questionId;
    const response = choices[question];
    if (!response) throw new Error(`No answer given for ${question}`);
    ({ body } = await postStep(db, check, [...body.carried.map((f) => [f.name, f.value] as [string, string]), ['question', question], ['intent', 'answer'], ...response.map((v) => ['response', v] as [string, string])]));
  }
  if (body.view.kind !== 'check-answers') throw new Error(`Expected check your answers, got ${body.view.kind}`);
  return (await postStep(db, check, [...body.carried.map((f) => [f.name, f.value] as [string, string]), ['intent', 'result']])).body;
}

export const SAMPLE_ANSWERS: Record<string, Record<string, string[]>> = {
  'online-viewing': {
    what_viewed: ['images_under_18'],
    youngest: ['age_13_15'],
    how_often: ['every_week'],
    how_long: ['months'],
    changed: ['not_changed'],
    tried_to_stop: ['tried_keep_going_back'],
    how_you_feel: ['6'],
    knows_law: ['not_sure'],
    contact_with_children: ['no_contact'],
    thoughts_of_suicide: ['no'],
  },
  'sexual-thoughts': {
    nature: ['unwanted'],
    how_long: ['recently'],
    distress: ['7'],
    situations: ['no_contact'],
    acted: ['never'],
    support: ['friend'],
    thoughts_of_suicide: ['no'],
  },
  'someone-else': {
    who: ['child'],
    your_role: ['parent_or_carer'],
    child_behaviour: ['knowledge_beyond_age'],
    child_told: ['no'],
    urgency: ['unsure'],
    talked_to: ['nobody'],
  },
  'after-an-arrest': {
    who_arrested: ['partner'],
    stage: ['charged'],
    children_at_home: ['live_with_children'],
    social_work: ['not_sure'],
    worries: ['telling_children'],
    thoughts_of_suicide: ['no'],
    worried_about_them: ['not_sure'],
    support: ['family_or_friends'],
  },
};
