import { describe, expect, it } from 'vitest';
import { carriedFields, parseResponse, readCarriedAnswers } from '../../../modules/checks/answers';
import { advance, pruneHidden, visibleQuestions } from '../../../modules/checks/flow';
import { onlineViewing } from '../../../modules/checks/online-viewing';

const q = (id: string) => onlineViewing.questions.find((x) => x.id === id)!;

describe('reading one answer', () => {
  it('accepts a valid single, multiple and scale answer', () => {
    expect(parseResponse(q('how_often'), ['every_week'])).toEqual({ ok: true, answer: 'every_week' });
    expect(parseResponse(q('what_viewed'), ['images_under_18', 'ai_or_drawn'])).toEqual({ ok: true, answer: ['images_under_18', 'ai_or_drawn'] });
    expect(parseResponse(q('how_you_feel'), ['7'])).toEqual({ ok: true, answer: 7 });
  });

  it('says what is missing, in words about the question', () => {
    expect(parseResponse(q('how_often'), [])).toEqual({ ok: false, error: 'Select an answer, or ‘Prefer not to say’' });
    expect(parseResponse(q('what_viewed'), [''])).toEqual({ ok: false, error: 'Select all the answers that apply, or ‘Prefer not to say’' });
    expect(parseResponse(q('how_you_feel'), [])).toEqual({ ok: false, error: 'Choose a number from 0 to 10' });
    expect(parseResponse(q('knows_law'), [])).toEqual({ ok: false, error: 'Select an answer' });
  });

  it('refuses options that are not offered, two answers to a one-answer question, and numbers out of range', () => {
    expect(parseResponse(q('how_often'), ['hourly'])).toEqual({ ok: false, error: 'Select from the answers shown' });
    expect(parseResponse(q('how_often'), ['every_week', 'every_day'])).toEqual({ ok: false, error: 'Select only one answer' });
    expect(parseResponse(q('how_you_feel'), ['11'])).toEqual({ ok: false, error: 'Choose a number from 0 to 10' });
    expect(parseResponse(q('how_you_feel'), ['-1'])).toEqual({ ok: false, error: 'Choose a number from 0 to 10' });
  });

  it('refuses "none" or "prefer not to say" together with other answers, naming the option', () => {
    expect(parseResponse(q('what_viewed'), ['none_yet', 'images_under_18'], { none_yet: 'Nothing yet' })).toEqual({
      ok: false,
      error: 'You cannot select ‘Nothing yet’ together with other answers',
    });
    expect(parseResponse(q('changed'), ['prefer_not_to_say', 'younger'])).toEqual({ ok: false, error: 'You cannot select ‘Prefer not to say’ together with other answers' });
  });
});

describe('answers carried in the form', () => {
  it('round-trips through hidden fields', () => {
    const answers = { what_viewed: ['images_under_18'], youngest: 'age_13_15', how_you_feel: 4 };
    const raw: Record<string, string[]> = {};
    for (const f of carriedFields(answers)) (raw[f.name] ??= []).push(f.value);
    expect(readCarriedAnswers(onlineViewing, raw)).toEqual({ answers, dropped: false });
  });

  it('drops a forged field and keeps every valid one', () => {
    const raw = { 'a:how_often': ['every_day'], 'a:youngest': ['age_3'], 'a:made_up': ['x'], 'a:how_you_feel': ['99'] };
    expect(readCarriedAnswers(onlineViewing, raw)).toEqual({ answers: { how_often: 'every_day' }, dropped: true });
  });
});

describe('moving through a check', () => {
  it('starts at the first question', () => {
    const { step } = advance(onlineViewing, {}, { intent: 'start' });
    expect(step).toMatchObject({ kind: 'question', question: { id: 'what_viewed' } });
  });

  it('skips questions an answer made pointless, and forgets answers to them', () => {
    const answers = { what_viewed: ['images_under_18'], youngest: 'age_13_15', how_often: 'every_week' };
    const changed = advance(onlineViewing, answers, { intent: 'answer', questionId: 'what_viewed', response: ['none_yet'], returnTo: 'check' });
    expect(changed.answers).toEqual({ what_viewed: ['none_yet'] });
    expect(changed.step).toMatchObject({ kind: 'question', question: { id: 'how_you_feel' } });
    expect(pruneHidden(onlineViewing, { what_viewed: ['none_yet'], how_often: 'every_day' })).toEqual({ what_viewed: ['none_yet'] });
  });

  it('shows an error and keeps what was chosen when an answer is wrong', () => {
    const { step, answers } = advance(onlineViewing, { what_viewed: ['none_yet'] }, { intent: 'answer', questionId: 'how_you_feel', response: ['12'], returnTo: null });
    expect(step).toMatchObject({ kind: 'question', question: { id: 'how_you_feel' }, error: 'Choose a number from 0 to 10', draft: ['12'] });
    expect(answers).toEqual({ what_viewed: ['none_yet'] });
  });

  it('goes back one visible question, keeping a valid answer on the page it leaves', () => {
    const { step, answers } = advance(onlineViewing, { what_viewed: ['none_yet'] }, { intent: 'back', questionId: 'how_you_feel', response: ['3'] });
    expect(step).toMatchObject({ kind: 'question', question: { id: 'what_viewed' } });
    expect(answers).toEqual({ what_viewed: ['none_yet'], how_you_feel: 3 });
    expect(advance(onlineViewing, {}, { intent: 'back', questionId: 'what_viewed', response: [] }).step).toEqual({ kind: 'start' });
  });

  it('goes to check your answers when every question is answered, and back there after a change', () => {
    const done = { what_viewed: ['none_yet'], how_you_feel: 2, knows_law: 'know', contact_with_children: ['no_contact'] };
    const last = advance(onlineViewing, done, { intent: 'answer', questionId: 'thoughts_of_suicide', response: ['no'], returnTo: null });
    expect(last.step).toEqual({ kind: 'check-answers' });
    const change = advance(onlineViewing, last.answers, { intent: 'change', questionId: 'knows_law' });
    expect(change.step).toMatchObject({ kind: 'question', question: { id: 'knows_law' }, returnTo: 'check' });
    const changed = advance(onlineViewing, last.answers, { intent: 'answer', questionId: 'knows_law', response: ['not_sure'], returnTo: 'check' });
    expect(changed.step).toEqual({ kind: 'check-answers' });
  });

  it('refuses a result until every question that applies is answered', () => {
    const { step } = advance(onlineViewing, { what_viewed: ['none_yet'] }, { intent: 'result' });
    expect(step).toMatchObject({ kind: 'question', question: { id: 'how_you_feel' } });
  });

  it('gives a result when complete', () => {
    const done = { what_viewed: ['none_yet'], how_you_feel: 2, knows_law: 'know', contact_with_children: ['no_contact'], thoughts_of_suicide: 'no' };
    expect(advance(onlineViewing, done, { intent: 'result' }).step).toMatchObject({ kind: 'result', result: { band: 'keep_it_that_way' } });
  });

  it('ignores a question that is not part of the journey now', () => {
    const { step } = advance(onlineViewing, { what_viewed: ['none_yet'] }, { intent: 'answer', questionId: 'youngest', response: ['under_13'], returnTo: null });
    expect(step).toMatchObject({ kind: 'question', question: { id: 'how_you_feel' } });
  });

  it('asks the questions in the order the check gives them', () => {
    expect(visibleQuestions(onlineViewing, {}).map((x) => x.id)).toEqual(['what_viewed', 'how_often', 'how_long', 'changed', 'tried_to_stop', 'how_you_feel', 'knows_law', 'contact_with_children', 'thoughts_of_suicide']);
  });
});
