import { describe, expect, it } from 'vitest';
import { afterAnArrest } from '../../../modules/checks/after-an-arrest';
import type { Answers, CheckDefinition } from '../../../modules/checks/definition';
import { visibleQuestions } from '../../../modules/checks/flow';
import { CHECKS } from '../../../modules/checks/index';
import { onlineViewing } from '../../../modules/checks/online-viewing';
import { sexualThoughts } from '../../../modules/checks/sexual-thoughts';
import { someoneElse } from '../../../modules/checks/someone-else';

interface Case {
  name: string;
  answers: Answers;
  band: string;
  urgent?: string[];
  sections?: string[];
  steps?: string[];
  /** Questions the branching must have skipped. */
  skipped?: string[];
}

function runCases(check: CheckDefinition, cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      const result = check.result(c.answers);
      expect(result.band).toBe(c.band);
      expect(result.urgent).toEqual(c.urgent ?? []);
      for (const section of c.sections ?? []) expect(result.sections).toContain(section);
      for (const step of c.steps ?? []) expect(result.nextSteps.map((s) => s.path)).toContain(step);
      const visible = visibleQuestions(check, c.answers).map((q) => q.id);
      for (const id of c.skipped ?? []) expect(visible).not.toContain(id);
      // Every key the result uses is one the wording file must provide.
      expect(check.bands).toContain(result.band);
      for (const s of result.sections) expect(check.sections).toContain(s);
      for (const s of result.nextSteps) expect(check.reasons).toContain(s.reason);
    });
  }
}

const calmViewer = { how_often: 'once_or_twice', how_long: 'under_a_month', changed: ['not_changed'], tried_to_stop: 'stopped', how_you_feel: 5, knows_law: 'know', contact_with_children: ['no_contact'], thoughts_of_suicide: 'no' };

describe('online viewing: bands and branches', () => {
  runCases(onlineViewing, [
    {
      name: 'not viewed anything yet: keep it that way; questions about viewing are skipped',
      answers: { what_viewed: ['none_yet'], how_you_feel: 6, knows_law: 'not_sure', contact_with_children: ['no_contact'], thoughts_of_suicide: 'no' },
      band: 'keep_it_that_way',
      sections: ['not_yet_viewed'],
      steps: ['/self-help/understanding-why', '/self-help/my-plan-for-change'],
      skipped: ['youngest', 'how_often', 'how_long', 'changed', 'tried_to_stop', 'met_or_arranged'],
    },
    {
      name: 'adults who look young, stopped and stable: keep it that way',
      answers: { what_viewed: ['young_looking_adults'], youngest: 'not_sure', ...calmViewer },
      band: 'keep_it_that_way',
    },
    {
      name: 'young-looking adults who looked 16 or 17: they are children in law, so talk soon',
      answers: { what_viewed: ['young_looking_adults'], youngest: 'age_16_17', ...calmViewer },
      band: 'talk_soon',
      sections: ['law_images'],
    },
    {
      name: 'young-looking adults who all looked over 18: keep it that way',
      answers: { what_viewed: ['young_looking_adults'], youngest: 'all_adults', ...calmViewer },
      band: 'keep_it_that_way',
    },
    {
      name: 'adults who look young but cannot stop: talk soon',
      answers: { what_viewed: ['young_looking_adults'], youngest: 'not_sure', ...calmViewer, tried_to_stop: 'tried_keep_going_back' },
      band: 'talk_soon',
      steps: ['/toolkit/get-help/stop-it-now-helpline', '/self-help/compulsion-and-habits'],
    },
    {
      name: 'images of under-18s: talk soon, with the law explained',
      answers: { what_viewed: ['images_under_18'], youngest: 'age_13_15', ...calmViewer },
      band: 'talk_soon',
      sections: ['law_images'],
      steps: ['/self-help/impact-on-children', '/self-help/the-law-and-after-an-arrest/what-the-law-says'],
    },
    {
      name: 'AI-made or drawn images: the honest law section',
      answers: { what_viewed: ['ai_or_drawn'], youngest: 'under_13', ...calmViewer },
      band: 'talk_soon',
      sections: ['law_ai_and_drawn', 'law_images'],
    },
    {
      name: 'escalation alone is enough to talk soon',
      answers: { what_viewed: ['young_looking_adults'], youngest: 'age_16_17', ...calmViewer, changed: ['younger', 'more_often'] },
      band: 'talk_soon',
      sections: ['escalation', 'law_images'],
    },
    {
      name: 'sexual chat with someone under 18, thought about meeting: act now (stop today), the meeting question is asked',
      answers: { what_viewed: ['chat_young_people'], ...calmViewer, met_or_arranged: 'thought_about_it' },
      band: 'act_now',
      sections: ['chat_now', 'law_chat'],
      steps: ['/self-help/the-online-world/chatting-with-young-people'],
    },
    {
      name: 'arranged to meet a young person: act now, a child may be in danger',
      answers: { what_viewed: ['chat_young_people'], ...calmViewer, met_or_arranged: 'arranged' },
      band: 'act_now',
      urgent: ['child_at_risk_from_me'],
      sections: ['meeting'],
    },
    {
      name: 'contact online reached through "how it changed" also asks about meeting',
      answers: { what_viewed: ['images_under_18'], youngest: 'age_13_15', ...calmViewer, changed: ['contact_online'], met_or_arranged: 'met' },
      band: 'act_now',
      urgent: ['child_at_risk_from_me'],
    },
    {
      name: 'thoughts of suicide bring urgent help first, and never "keep it that way"',
      answers: { what_viewed: ['none_yet'], how_you_feel: 10, knows_law: 'know', contact_with_children: ['no_contact'], thoughts_of_suicide: 'sometimes' },
      band: 'talk_soon',
      urgent: ['suicide'],
      sections: ['feeling_very_low'],
      steps: ['/self-help/emotions-and-coping'],
    },
    {
      name: 'images of children with children at home: act now, with a section on keeping them safe',
      answers: { what_viewed: ['images_under_18'], youngest: 'prefer_not_to_say', ...calmViewer, contact_with_children: ['at_home', 'work_or_volunteering'] },
      band: 'act_now',
      sections: ['children_around_you'],
    },
    {
      name: 'prefer not to say throughout: talk soon, never "all is well", and still next steps',
      answers: {
        what_viewed: ['prefer_not_to_say'],
        how_often: 'prefer_not_to_say',
        how_long: 'prefer_not_to_say',
        changed: ['prefer_not_to_say'],
        tried_to_stop: 'prefer_not_to_say',
        how_you_feel: 0,
        knows_law: 'did_not_know',
        contact_with_children: ['prefer_not_to_say'],
        thoughts_of_suicide: 'prefer_not_to_say',
      },
      band: 'talk_soon',
      steps: ['/self-help/the-law-and-after-an-arrest/what-the-law-says', '/self-help/my-plan-for-change'],
      skipped: ['youngest', 'met_or_arranged'],
    },
  ]);

  it('how you feel: 8 is not yet "very low", 9 is (boundary)', () => {
    const base = { what_viewed: ['none_yet'], knows_law: 'know', contact_with_children: ['no_contact'], thoughts_of_suicide: 'no' };
    expect(onlineViewing.result({ ...base, how_you_feel: 8 }).sections).not.toContain('feeling_very_low');
    expect(onlineViewing.result({ ...base, how_you_feel: 9 }).sections).toContain('feeling_very_low');
    expect(onlineViewing.result({ ...base, how_you_feel: 6 }).nextSteps.map((s) => s.path)).not.toContain('/self-help/emotions-and-coping');
    expect(onlineViewing.result({ ...base, how_you_feel: 7 }).nextSteps.map((s) => s.path)).toContain('/self-help/emotions-and-coping');
  });
});

const settled = { how_long: 'recently', distress: 5, situations: ['no_contact'], support: ['friend'], thoughts_of_suicide: 'no' };

describe('sexual thoughts: bands and branches', () => {
  runCases(sexualThoughts, [
    {
      name: 'unwanted thoughts, never acted: keep it that way, with help for intrusive thoughts',
      answers: { nature: 'unwanted', ...settled, acted: ['never'] },
      band: 'keep_it_that_way',
      sections: ['intrusive_thoughts'],
      steps: ['/self-help/fantasy-and-thoughts', '/self-help/fantasy-and-thoughts/professional-help'],
      skipped: ['when_last', 'child_still_around'],
    },
    {
      name: 'arousing thoughts, never acted: talk soon',
      answers: { nature: 'arousing', ...settled, acted: ['never'] },
      band: 'talk_soon',
      sections: ['arousal'],
      steps: ['/toolkit/get-help/stop-it-now-helpline', '/self-help/permission-giving-thoughts'],
    },
    {
      name: 'looked at images: talk soon, with the impact on children',
      answers: { nature: 'both', ...settled, acted: ['looked_at_images'] },
      band: 'talk_soon',
      sections: ['images', 'intrusive_thoughts', 'arousal'],
      steps: ['/self-help/impact-on-children'],
    },
    {
      name: 'came close to acting, over a year ago, no child around: talk soon, with the section on what happened',
      answers: { nature: 'arousing', ...settled, acted: ['came_close'], when_last: 'over_a_year_ago', child_still_around: 'no' },
      band: 'talk_soon',
      sections: ['acted_with_child'],
    },
    {
      name: 'came close to acting this week: act now, a child may be in danger',
      answers: { nature: 'arousing', ...settled, acted: ['came_close'], when_last: 'this_week', child_still_around: 'no' },
      band: 'act_now',
      urgent: ['child_at_risk_from_me'],
      sections: ['child_first'],
    },
    {
      name: 'looked at images and touched a child long ago: both are answered, act now',
      answers: { nature: 'both', ...settled, acted: ['looked_at_images', 'touched'], when_last: 'over_a_year_ago', child_still_around: 'no' },
      band: 'act_now',
      sections: ['images', 'acted_with_child'],
      steps: ['/self-help/impact-on-children'],
    },
    {
      name: 'arousing thoughts for years: the long-standing section and professional help',
      answers: { nature: 'arousing', ...settled, how_long: 'as_long_as_i_remember', acted: ['never'] },
      band: 'talk_soon',
      sections: ['long_standing'],
      steps: ['/self-help/fantasy-and-thoughts/professional-help'],
    },
    {
      name: 'touched a child this year: act now, a child may be in danger',
      answers: { nature: 'arousing', ...settled, acted: ['touched'], when_last: 'this_year', child_still_around: 'no' },
      band: 'act_now',
      urgent: ['child_at_risk_from_me'],
    },
    {
      name: 'a child still around, even long ago: act now, a child may be in danger',
      answers: { nature: 'not_sure', ...settled, acted: ['touched'], when_last: 'over_a_year_ago', child_still_around: 'not_sure' },
      band: 'act_now',
      urgent: ['child_at_risk_from_me'],
    },
    {
      name: 'nobody to talk to and very distressed: talk soon, with sections and steps for both',
      answers: { nature: 'unwanted', ...settled, distress: 9, support: ['nobody'], acted: ['never'], situations: ['live_with_children'] },
      band: 'talk_soon',
      sections: ['nobody_to_talk_to', 'feeling_very_low', 'children_around_you'],
      steps: ['/self-help/healthy-relationships-and-sexuality', '/self-help/emotions-and-coping'],
    },
    {
      name: 'thoughts of suicide: urgent help first, and talk soon',
      answers: { nature: 'unwanted', ...settled, acted: ['never'], thoughts_of_suicide: 'yes' },
      band: 'talk_soon',
      urgent: ['suicide'],
    },
    {
      name: 'prefer not to say about acting: talk soon, never keep-it-that-way',
      answers: { nature: 'prefer_not_to_say', ...settled, acted: ['prefer_not_to_say'] },
      band: 'talk_soon',
    },
  ]);
});

describe('someone else: bands and routes into the toolkit', () => {
  runCases(someoneElse, [
    {
      name: 'a child in danger now: act now, 999 first',
      answers: { who: 'adult', your_role: 'parent_or_carer', adult_behaviour: ['time_alone'], adult_contact: 'regular_contact', child_told: 'no', urgency: 'danger_now', talked_to: ['nobody'] },
      band: 'act_now',
      urgent: ['child_in_danger'],
      steps: ['/toolkit/what-to-do/right-now', '/toolkit/what-to-do/police-or-social-work', '/toolkit/family-safety-plan'],
      skipped: ['child_behaviour'],
    },
    {
      name: 'a child has told someone: act now',
      answers: { who: 'adult', your_role: 'relative_or_friend', adult_behaviour: ['other'], adult_contact: 'some_contact', child_told: 'yes', urgency: 'unsure', talked_to: ['helpline'] },
      band: 'act_now',
      sections: ['child_told', 'signs_together'],
    },
    {
      name: 'an adult with images of children: act now, with the online section',
      answers: { who: 'adult', your_role: 'partner', adult_behaviour: ['images'], adult_contact: 'lives_with_children', child_told: 'no', urgency: 'recently', talked_to: ['nobody'] },
      band: 'act_now',
      sections: ['adult_lives_with_children', 'not_alone', 'images_online', 'signs_together'],
      steps: ['/toolkit/warning-signs/online', '/toolkit/what-to-do/police-or-social-work', '/local-help'],
    },
    {
      name: 'grooming-like signs: talk soon',
      answers: { who: 'adult', your_role: 'relative_or_friend', adult_behaviour: ['gifts_or_secrets', 'time_alone'], adult_contact: 'some_contact', child_told: 'not_sure', urgency: 'unsure', talked_to: ['the_person'] },
      band: 'talk_soon',
      steps: ['/toolkit/warning-signs', '/toolkit/what-to-do'],
    },
    {
      name: 'sexual talk about children alone: talk soon, not the emergency band',
      answers: { who: 'adult', your_role: 'relative_or_friend', adult_behaviour: ['sexual_talk'], adult_contact: 'not_sure', child_told: 'no', urgency: 'unsure', talked_to: ['police'] },
      band: 'talk_soon',
      sections: ['already_reported'],
    },
    {
      name: 'a child with behaviour that may be expected for their age: keep watch',
      answers: { who: 'child', your_role: 'parent_or_carer', child_behaviour: ['other'], child_told: 'no', urgency: 'unsure', talked_to: ['nobody'] },
      band: 'keep_watch',
      sections: ['child_expected'],
      steps: ['/toolkit/childrens-sexual-behaviour', '/toolkit/childrens-sexual-behaviour/how-to-respond'],
      skipped: ['adult_behaviour', 'adult_contact'],
    },
    {
      name: 'a young person sharing sexual images: act now, with Report Remove and online behaviour',
      answers: { who: 'young_person', your_role: 'parent_or_carer', child_behaviour: ['sharing_images'], child_told: 'no', urgency: 'unsure', talked_to: ['school_or_gp'] },
      band: 'act_now',
      sections: ['child_harmful', 'images_online'],
      steps: ['/toolkit/childrens-sexual-behaviour/online-behaviour'],
    },
    {
      name: 'a young person using force, told to a professional: act today, through their child protection lead',
      answers: { who: 'young_person', your_role: 'professional', child_behaviour: ['pressure_or_force'], child_told: 'yes', urgency: 'recently', talked_to: ['social_work'] },
      band: 'at_work_act_now',
      sections: ['professional_duty', 'child_harmful'],
      steps: ['/toolkit/for-professionals', '/toolkit/for-professionals/responding-to-a-disclosure'],
    },
  ]);
});

describe('after an arrest: what happens next, and support', () => {
  const calm = { children_at_home: 'no_children', worries: ['what_happens_next'], thoughts_of_suicide: 'no', support: ['solicitor'] };
  runCases(afterAnArrest, [
    {
      name: 'arrested myself, under investigation: what happens next',
      answers: { who_arrested: 'me', stage: 'under_investigation', ...calm },
      band: 'what_happens_next',
      sections: ['stage_under_investigation', 'suicide_risk'],
      steps: ['/toolkit/after-an-arrest/what-happens-next', '/self-help/the-law-and-after-an-arrest'],
      skipped: ['social_work', 'worried_about_them'],
    },
    {
      name: 'arrested myself with thoughts of suicide: get support now',
      answers: { who_arrested: 'me', stage: 'charged', ...calm, thoughts_of_suicide: 'yes' },
      band: 'get_support_now',
      urgent: ['suicide'],
      steps: ['/toolkit/after-an-arrest/suicide-risk', '/self-help/the-law-and-after-an-arrest/if-your-case-goes-to-court'],
    },
    {
      name: 'diversion offered: the diversion page',
      answers: { who_arrested: 'me', stage: 'diversion_offered', ...calm, support: ['nobody'] },
      band: 'what_happens_next',
      sections: ['stage_diversion_offered', 'solicitor'],
      steps: ['/self-help/the-law-and-after-an-arrest/diversion-from-prosecution'],
    },
    {
      name: 'a partner arrested, children at home, social work involved: family sections',
      answers: { who_arrested: 'partner', stage: 'awaiting_court', children_at_home: 'live_with_children', social_work: 'yes', worries: ['telling_children'], thoughts_of_suicide: 'no', worried_about_them: 'no', support: ['family_or_friends'] },
      band: 'what_happens_next',
      sections: ['stage_awaiting_court', 'children', 'social_work', 'for_the_family'],
      steps: ['/toolkit/after-an-arrest/telling-children', '/toolkit/family-safety-plan', '/toolkit/after-an-arrest/looking-after-yourself'],
    },
    {
      name: 'worried the arrested person may end their life: get support now',
      answers: { who_arrested: 'son_or_daughter', stage: 'convicted', ...calm, worried_about_them: 'yes' },
      band: 'get_support_now',
      urgent: ['someone_else_suicide'],
      sections: ['stage_convicted', 'worried_about_them'],
    },
    {
      name: 'worries about work and mental health: the practical section and help with feelings',
      answers: { who_arrested: 'me', stage: 'charged', ...calm, worries: ['work', 'mental_health'] },
      band: 'what_happens_next',
      sections: ['practical_worries'],
      steps: ['/self-help/emotions-and-coping'],
    },
    {
      name: 'not sure of the stage, and unsure whether they may end their life: the general explanation, and support today',
      answers: { who_arrested: 'friend', stage: 'not_sure', ...calm, worried_about_them: 'not_sure' },
      band: 'get_support_now',
      urgent: ['someone_else_suicide'],
      sections: ['stage_not_sure', 'worried_about_them'],
    },
  ]);
});

describe('every check', () => {
  it('has 6 to 15 questions, and every question has a kind "prefer not to say" or is simple enough not to need one', () => {
    for (const check of Object.values(CHECKS)) {
      expect(check.questions.length).toBeGreaterThanOrEqual(6);
      expect(check.questions.length).toBeLessThanOrEqual(15);
    }
  });

  it('never returns a number as its result: a band and next steps only', () => {
    for (const check of Object.values(CHECKS)) {
      const result = check.result({});
      expect(typeof result.band).toBe('string');
      expect(Object.keys(result).sort()).toEqual(['band', 'level', 'nextSteps', 'sections', 'urgent']);
    }
  });
});
