/**
 * The three people issue 15 walked as, in Chromium with JavaScript on and off: a
 * frightened man who arranged to meet a young person, a worried mother who has seen
 * five signs in an adult living with her child, and a teacher worried about messages
 * to a pupil. Each reaches the act-today band and the right first step, with the
 * urgent help one tap away.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser';
import { useSiteInBrowser } from '../support/e2e';

interface Person {
  name: string;
  check: string;
  answers: Record<string, string[]>;
  heading: string;
  firstStep: string;
  /** Words the result must say to this person, and words it must not. */
  says: RegExp[];
  neverSays: RegExp[];
}

const PEOPLE: Person[] = [
  {
    name: 'the frightened man who arranged to meet a young person',
    check: 'online-viewing',
    answers: {
      what_viewed: ['images_under_18', 'chat_young_people'],
      youngest: ['age_13_15'],
      how_often: ['every_week'],
      how_long: ['months'],
      changed: ['contact_online'],
      met_or_arranged: ['arranged'],
      tried_to_stop: ['tried_keep_going_back'],
      how_you_feel: ['8'],
      knows_law: ['not_sure'],
      contact_with_children: ['no_contact'],
      thoughts_of_suicide: ['sometimes'],
    },
    heading: "Act now: a child's safety comes first",
    firstStep: '/toolkit/get-help/stop-it-now-helpline',
    says: [/If you have arranged to meet a child, do not go/, /If you are thinking about ending your life/],
    neverSays: [/If the child is safe for the moment/],
  },
  {
    name: 'the worried mother who has seen five signs',
    check: 'someone-else',
    answers: {
      who: ['adult'],
      your_role: ['parent_or_carer'],
      adult_behaviour: ['time_alone', 'gifts_or_secrets', 'sexual_talk', 'ignores_boundaries', 'online_contact'],
      adult_contact: ['lives_with_children'],
      child_told: ['no'],
      urgency: ['unsure'],
      talked_to: ['nobody'],
    },
    heading: 'Act now: a child may be at risk',
    firstStep: '/toolkit/what-to-do/right-now',
    says: [/Police Scotland on 101/, /Signs together are a reason to act/],
    neverSays: [/One sign on its own does not prove/, /Talk to someone soon/],
  },
  {
    name: 'the teacher worried about messages to a pupil',
    check: 'someone-else',
    answers: {
      who: ['adult'],
      your_role: ['professional'],
      adult_behaviour: ['sexual_messages'],
      adult_contact: ['regular_contact'],
      child_told: ['not_sure'],
      urgency: ['recently'],
      talked_to: ['nobody'],
    },
    heading: 'Act today: tell your child protection lead now',
    firstStep: '/toolkit/for-professionals/recording-and-referring',
    says: [/child protection lead now, today/, /Your duty at work/],
    neverSays: [/You do not have to give your name\. They can help you decide/],
  },
];

async function headingNow(page: Page): Promise<string | null> {
  const text = await page.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
  return text?.trim() ?? null;
}

/** Waits for a heading other than `before`, polled from the test so it works with JavaScript on or off. */
async function changed(page: Page, before: string) {
  await expect.poll(() => headingNow(page), { timeout: 30_000, interval: 100 }).not.toBeOneOf([before, null]);
  await page.waitForLoadState('load');
}

async function currentQuestion(page: Page): Promise<string | null> {
  return page.locator('input[name="question"]').getAttribute('value', { timeout: 2_000 }).catch(() => null);
}

describe('three people, three results', () => {
  const site = useSiteInBrowser();

  for (const javaScript of [true, false]) {
    for (const person of PEOPLE) {
      it(`${person.name}, JavaScript ${javaScript ? 'on' : 'off'}: the act-today band and the right first step`, async () => {
        const tab = await openPage(site.browser, { javaScript });
        const { page } = tab;
        await page.goto(`${site.server.baseUrl}/checks/${person.check}`);
        await page.getByRole('button', { name: 'Start now' }).click();
        await page.waitForSelector('input[name="question"]', { state: 'attached' });
        for (let steps = 0; (await currentQuestion(page)) && steps < 20; steps++) {
          const question = (await currentQuestion(page))!;
          const values = person.answers[question];
          expect(values, `an answer for ${question}`).toBeDefined();
          for (const value of values!) await page.locator(`input[name="response"][value="${value}"]`).check();
          const before = (await headingNow(page))!;
          await page.getByRole('button', { name: 'Continue', exact: true }).click();
          await changed(page, before);
        }
        expect(await headingNow(page)).toBe('Check your answers');
        await page.getByRole('button', { name: 'See my next steps' }).click();
        await changed(page, 'Check your answers');

        expect(await headingNow(page)).toBe(person.heading);
        expect(await page.locator('.app-next-steps li a').first().getAttribute('href')).toBe(person.firstStep);
        const text = (await page.locator('main').textContent()) ?? '';
        for (const words of person.says) expect(text).toMatch(words);
        for (const words of person.neverSays) expect(text).not.toMatch(words);
        // Urgent help one tap away: the box, and the numbers as links a phone can call.
        expect(await page.locator('.app-urgent-help').count()).toBe(1);
        for (const tel of ['tel:999', 'tel:101', 'tel:116123', 'tel:08081000900']) expect(await page.locator(`.app-urgent-help a[href="${tel}"]`).count(), tel).toBe(1);
        expect(await page.locator('footer a[href="tel:08081000900"]').count()).toBe(1);
        if (person.check === 'someone-else') expect(await page.locator('main a[href="/local-help"]').count()).toBeGreaterThan(0);
        await tab.close();
      });
    }
  }
});
