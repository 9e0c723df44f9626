/**
 * `npm run content:readability`: reading scores for everything a person reads on the
 * anonymous side, against the GOV.UK aim of plain words and short sentences
 * (roughly: a Flesch reading ease of 60 or more, a grade of 9 or less, sentences
 * averaging under 15 words, none over 25).
 */
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { getCheckWording } from '../modules/checks/service';
import { plainText } from '../modules/content/markdown';
import { getContentLibrary } from '../modules/content/index';

interface Scores {
  name: string;
  words: number;
  sentences: number;
  longest: number;
  ease: number;
  grade: number;
}

function score(name: string, text: string): Scores {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
  const words = sentences.flatMap((s) => s.match(/[A-Za-z0-9’'-]+/g) ?? []);
  const counts = { sentence: Math.max(sentences.length, 1), word: Math.max(words.length, 1), syllable: words.reduce((n, w) => n + syllable(w), 0) };
  return {
    name,
    words: words.length,
    sentences: sentences.length,
    longest: Math.max(0, ...sentences.map((s) => (s.match(/[A-Za-z0-9’'-]+/g) ?? []).length)),
    ease: flesch(counts),
    grade: fleschKincaid(counts),
  };
}

const library = getContentLibrary();
const rows: Scores[] = [...library.pages.values()].map((page) => {
  const exercise = page.exercise ? [page.exercise.introHtml ?? '', ...page.exercise.feedback.map((f) => f.html)].map(plainText).join('\n') : '';
  return score(page.path, `${page.title}.\n${page.text}\n${exercise}`);
});
const { checks, common } = getCheckWording();
for (const check of Object.values(checks)) {
  const text = [check.introHtml, ...Object.values(check.bands).map((b) => b.html), ...Object.values(check.sections)].map(plainText);
  text.push(...Object.values(check.questions).map((q) => `${q.text} ${q.hint ?? ''}`), ...Object.values(check.reasons));
  rows.push(score(`/checks/${check.id}`, text.join('\n')));
}
rows.push(score('checks: common wording', [common.helplineHtml, ...Object.values(common.urgentHtml)].map(plainText).join('\n')));

const total = score('all content', rows.map((r) => r.name).length ? [...library.pages.values()].map((p) => p.text).join('\n') : '');
const hard = rows.filter((r) => r.ease < 50 || r.grade > 10).sort((a, b) => a.ease - b.ease);
const format = (r: Scores) => `${r.name.padEnd(72)} ease ${r.ease.toFixed(0).padStart(3)}  grade ${r.grade.toFixed(1).padStart(4)}  ${String(r.words).padStart(5)} words  avg ${(r.words / Math.max(r.sentences, 1)).toFixed(1)}  longest ${r.longest}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`Readability of ${rows.length} pages and checks (Flesch reading ease: higher is easier; grade: US school grade)\n`);
console.log(format(total));
console.log(`median ease ${median(rows.map((r) => r.ease)).toFixed(0)}, median grade ${median(rows.map((r) => r.grade)).toFixed(1)}, longest sentence anywhere ${Math.max(...rows.map((r) => r.longest))} words`);
console.log(`${rows.filter((r) => r.ease >= 60).length} of ${rows.length} reach a reading ease of 60 or more.\n`);
console.log(hard.length ? `Hardest to read (ease under 50 or grade over 10):\n${hard.map(format).join('\n')}` : 'No page scores an ease under 50 or a grade over 10.');
if (process.argv.includes('--all')) console.log(`\nEvery page:\n${rows.map(format).join('\n')}`);
