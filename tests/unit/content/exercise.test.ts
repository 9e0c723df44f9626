import { describe, expect, it } from 'vitest';
import { parseWithZod } from '@conform-to/zod/v4';
import { exerciseFormSchema, feedbackFor, summariseAnswers } from '../../../modules/content/exercise';
import type { RenderedExercise } from '../../../modules/content/library';

const exercise: RenderedExercise = {
  printable: false,
  introHtml: null,
  fields: [
    { name: 'urge', type: 'rating', label: 'How strong?', min: 0, max: 10, minLabel: 'Hardly', maxLabel: 'Overwhelming', optional: false },
    { name: 'where', type: 'choice', label: 'Where?', options: [{ value: 'home', label: 'At home' }, { value: 'work', label: 'At work' }], optional: false },
    { name: 'when', type: 'choices', label: 'When?', options: [{ value: 'night', label: 'At night' }, { value: 'day', label: 'By day' }], optional: false },
    { name: 'signs', type: 'list', label: 'Signs', items: 3, optional: false },
    { name: 'notes', type: 'text', label: 'Notes', optional: true },
  ],
  feedback: [
    { when: { field: 'urge', atLeast: 7 }, text: '', html: 'strong' },
    { when: { field: 'urge', atMost: 3 }, text: '', html: 'weak' },
    { when: { field: 'where', is: 'home' }, text: '', html: 'home' },
    { when: { field: 'when', includes: 'night' }, text: '', html: 'night' },
    { when: { field: 'notes', answered: false }, text: '', html: 'no notes' },
    { always: true, text: '', html: 'always' },
  ],
};

const form = (pairs: Array<[string, string]>) => {
  const data = new FormData();
  for (const [k, v] of pairs) data.append(k, v);
  return data;
};

describe('exercise forms', () => {
  it('accepts a full set of answers and drops empty list lines', () => {
    const submission = parseWithZod(form([['urge', '7'], ['where', 'home'], ['when', 'night'], ['signs', 'tired'], ['signs', ''], ['signs', ' alone ']]), { schema: exerciseFormSchema(exercise) });
    expect(submission.status).toBe('success');
    expect(submission.status === 'success' && submission.value).toEqual({ urge: 7, where: 'home', when: ['night'], signs: ['tired', 'alone'] });
  });

  it('explains each missing or wrong answer in plain words', () => {
    const submission = parseWithZod(form([['urge', '11'], ['where', 'moon'], ['signs', '']]), { schema: exerciseFormSchema(exercise) });
    expect(submission.status).toBe('error');
    expect(submission.status === 'error' && submission.error).toMatchObject({
      urge: ['Choose a number from 0 (hardly) to 10 (overwhelming)'],
      where: ['Choose one of the options'],
      when: ['Choose at least one of the options'],
      signs: ['Write at least one thing in the boxes'],
    });
  });

  it('refuses text that is far too long', () => {
    const submission = parseWithZod(form([['urge', '1'], ['where', 'work'], ['when', 'day'], ['signs', 'x'], ['notes', 'y'.repeat(5001)]]), { schema: exerciseFormSchema(exercise) });
    expect(submission.status === 'error' && submission.error?.notes).toEqual(['Keep your answer to 5,000 characters or fewer']);
  });
});

describe('guidance that fits the answers', () => {
  it('shows every matching rule in order, at the boundaries', () => {
    expect(feedbackFor(exercise, { urge: 7, where: 'home', when: ['night'], signs: ['a'] })).toEqual(['strong', 'home', 'night', 'no notes', 'always']);
    expect(feedbackFor(exercise, { urge: 6, where: 'work', when: ['day'], signs: ['a'], notes: 'n' })).toEqual(['always']);
    expect(feedbackFor(exercise, { urge: 3, where: 'work', when: ['day'], signs: ['a'], notes: 'n' })).toEqual(['weak', 'always']);
  });

  it('says the answers back in words', () => {
    expect(summariseAnswers(exercise, { urge: 2, where: 'home', when: ['night', 'day'], signs: ['a', 'b'] })).toEqual([
      { name: 'urge', label: 'How strong?', lines: ['2 out of 10 (0 is hardly, 10 is overwhelming)'] },
      { name: 'where', label: 'Where?', lines: ['At home'] },
      { name: 'when', label: 'When?', lines: ['At night', 'By day'] },
      { name: 'signs', label: 'Signs', lines: ['a', 'b'] },
      { name: 'notes', label: 'Notes', lines: [] },
    ]);
  });
});
