/**
 * The CHOICE programme delivered, in Chromium, as the worker, the manager and the
 * referrer: from an allocated referral to the completion report on the fiscal route,
 * and to an early end for non-compliance on the deferred-sentence route. The reports
 * are read as PDFs, their text checked for what they must and must never say.
 *
 * Making, screening and allocating the referral have their own walks
 * (referrals-referrer.test.ts, referrals-journey.test.ts); here the referral starts
 * allocated. Sessions are booked in the future through the page; "time passing" is the
 * one thing done to the database directly, moving a booked session into the past so
 * its attendance can be recorded.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { connect, type Db } from '../../db/connection';
import { openPage } from '../support/browser';
import { allocatedReferral } from '../support/cases';
import { useSiteInBrowser } from '../support/e2e';
import { mainText, press, showing, signInAs } from '../support/staff-browser';

async function pdfText(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const DAY = 86_400_000;

/** Books a session on the case page's booking form, a week or more ahead. */
async function bookSession(page: Page, base: string, referralId: string, daysAhead: number, time: string) {
  await page.goto(`${base}/staff/referrals/${referralId}/sessions/new`);
  await showing(page, /Book a session/);
  const day = new Date(Date.now() + daysAhead * DAY);
  await page.fill('input[name="date-day"]', String(day.getUTCDate()));
  await page.fill('input[name="date-month"]', String(day.getUTCMonth() + 1));
  await page.fill('input[name="date-year"]', String(day.getUTCFullYear()));
  await page.fill('#time', time);
  await press(page, 'Book the session');
  await showing(page, /Session/);
  return page.url().split('/staff/sessions/')[1]!.split(/[?#]/)[0]!;
}

/** Time passes: the session took place `daysAgo` days ago. */
async function inThePast(db: Db, sessionId: string, daysAgo: number) {
  const starts = new Date(Date.now() - daysAgo * DAY);
  await db.updateTable('programme_session').set({ starts_at: starts, ends_at: new Date(starts.getTime() + 3_600_000) }).where('id', '=', sessionId).execute();
}

async function downloadPdf(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as PDF' }).click()]);
  return pdfText((await download.path())!);
}

/** As a manager: open the report waiting for sign-off and send it to the referrer. */
async function signOffReport(page: Page, base: string, referralId: string, title: RegExp) {
  await page.goto(`${base}/staff/referrals/${referralId}`);
  await page.locator('#reports').getByRole('link', { name: title }).first().click();
  await showing(page, title);
  await page.getByLabel('I have read this report and it is ready for the referrer').check();
  await press(page, 'Sign off and send to the referrer');
  await expect.poll(() => mainText(page), { timeout: 15_000 }).toMatch(/sent to the referrer|Sent to the referrer/i);
}

describe('delivering the CHOICE programme, in Chromium', () => {
  const site = useSiteInBrowser({ seed: true });

  it('fiscal route: assessment, plan signed off, a session recorded and signed off, completion, and the completion report read as a PDF by the fiscal', async () => {
    const base = site.server.baseUrl;
    const db = connect(site.server.databaseUrl, { max: 1 });
    const referral = await allocatedReferral(db, 'fiscal@demo.example', 'worker@demo.example', { person_name: 'Colin Journey' });
    const casePath = `/staff/referrals/${referral.id}`;
    const stateNow = async () => (await db.selectFrom('referral').select('state').where('id', '=', referral.id).executeTakeFirstOrThrow()).state;

    // The worker, without JavaScript: books the first assessment session and starts the assessment.
    const worker = await openPage(site.browser, { javaScript: false });
    await signInAs(worker.page, base, 'worker@demo.example');
    await worker.page.goto(`${base}${casePath}`);
    await showing(worker.page, /Colin Journey|CH-/);
    expect(await mainText(worker.page)).toContain('Arrange his assessment');
    const firstSession = await bookSession(worker.page, base, referral.id, 7, '10:00');
    const [invite] = await Promise.all([worker.page.waitForEvent('download'), worker.page.getByRole('link', { name: /calendar/ }).first().click()]);
    const ics = await readFile((await invite.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).not.toContain('Colin Journey');
    await worker.page.goto(`${base}${casePath}`);
    await press(worker.page, 'Start the assessment');
    await expect.poll(stateNow).toBe('assessment');

    // The assessment session is held: he came, and the notes are written, with a private note.
    await inThePast(db, firstSession, 1);
    await worker.page.goto(`${base}/staff/sessions/${firstSession}`);
    await press(worker.page, 'He came');
    await showing(worker.page, /Session/);
    await worker.page.fill('#topics', 'Getting to know him; how the programme works.');
    await worker.page.getByLabel('He took a full part').check();
    await worker.page.getByLabel('No homework was set last time').check();
    await worker.page.fill('#privateNotes', 'PRIVATE: mentioned a difficult relationship with his brother.');
    // Something he said needs a manager's attention today.
    await worker.page.fill('#concerns', 'He mentioned that he sometimes looks after his six-year-old niece alone.');
    await worker.page.getByLabel('This is a safeguarding concern').check();
    await press(worker.page, 'Save the notes');
    await expect.poll(() => mainText(worker.page)).toContain('Getting to know him');

    // The assessment and the plan, then sent for sign-off.
    await worker.page.goto(`${base}${casePath}/assessment`);
    await worker.page.fill('#motivation', 'Wants to keep his family together and stop for good.');
    await worker.page.fill('#understanding', 'Sees how the viewing escalated during a period of isolation.');
    await worker.page.fill('#needs', 'Structure in the evenings; support with low mood.');
    await worker.page.fill('#risks', 'Late-night internet use when alone.');
    await worker.page.fill('#protective_factors', 'Supportive partner; stable work.');
    await press(worker.page, 'Save and go to the plan');
    await showing(worker.page, /plan/i);
    await press(worker.page, 'Save and send to a manager for sign-off');
    await expect.poll(() => mainText(worker.page)).toMatch(/waiting for a manager|sent to a manager|sign-off/i);

    // The manager, with JavaScript: signs the plan off, which starts the programme and prepares the start report.
    const manager = await openPage(site.browser, { javaScript: true });
    await signInAs(manager.page, base, 'manager@demo.example');
    await manager.page.goto(`${base}${casePath}/plan`);
    await press(manager.page, 'Sign off the plan and start the programme');
    // Not while the safeguarding concern waits: she is told why, and deals with it first.
    await expect.poll(() => mainText(manager.page)).toContain('There is a safeguarding concern on this case that has not been dealt with.');
    expect(await stateNow()).toBe('assessment');
    await manager.page.goto(`${base}/staff`);
    await manager.page.getByRole('link', { name: 'See the safeguarding concerns' }).click();
    await showing(manager.page, 'Safeguarding concerns');
    await manager.page.getByRole('link', { name: /Colin Journey/ }).click();
    await showing(manager.page, /Safeguarding concern on case/);
    expect(await mainText(manager.page)).toContain('looks after his six-year-old niece alone');
    await press(manager.page, 'Acknowledge');
    await expect.poll(() => mainText(manager.page)).toContain('Concern acknowledged');
    await manager.page.fill('#what', 'Phoned the social work duty team; they will speak to the niece’s parents this week.');
    await manager.page.fill('#who', 'Edinburgh social work duty team');
    const today = new Date();
    await manager.page.fill('#on', String(today.getUTCDate()));
    await manager.page.fill('#on-month', String(today.getUTCMonth() + 1));
    await manager.page.fill('#on-year', String(today.getUTCFullYear()));
    await press(manager.page, 'Record what was done');
    await expect.poll(() => mainText(manager.page)).toContain('What was done has been recorded');
    await manager.page.goto(`${base}${casePath}/plan`);
    await press(manager.page, 'Sign off the plan and start the programme');
    await expect.poll(stateNow, { timeout: 15_000 }).toBe('in_programme');
    await signOffReport(manager.page, base, referral.id, /programme start report/i);

    // A programme session, held and signed off by the manager.
    const secondSession = await bookSession(worker.page, base, referral.id, 8, '11:00');
    await inThePast(db, secondSession, 0.5);
    await worker.page.goto(`${base}/staff/sessions/${secondSession}`);
    await press(worker.page, 'He came');
    await showing(worker.page, /Session/);
    await worker.page.fill('#topics', 'Motivation: what a good life looks like for him.');
    await worker.page.getByLabel('He took a full part').check();
    await worker.page.getByLabel('No homework was set last time').check();
    await press(worker.page, 'Save the notes');
    await expect.poll(() => mainText(worker.page)).toContain('what a good life looks like');
    await manager.page.goto(`${base}/staff/sessions/${secondSession}`);
    await press(manager.page, 'Sign off the session');
    await expect.poll(async () => (await db.selectFrom('programme_session').select('state').where('id', '=', secondSession).executeTakeFirstOrThrow()).state, { timeout: 15_000 }).toBe('signed_off');

    // A third session, recorded by mistake as missed without a reason, and put right by the worker.
    const thirdSession = await bookSession(worker.page, base, referral.id, 9, '12:00');
    await inThePast(db, thirdSession, 0.25);
    await worker.page.goto(`${base}/staff/sessions/${thirdSession}`);
    await worker.page.getByLabel('No, the reason is not acceptable').check();
    await worker.page.fill('#absenceReason', 'No sign of him at reception.');
    await press(worker.page, 'He did not come');
    await expect.poll(() => mainText(worker.page)).toContain('1st unacceptable absence');
    await worker.page.getByText('Correct whether he came', { exact: true }).click();
    await worker.page.getByLabel('He came', { exact: true }).check();
    await worker.page.fill('#correctionReason', 'He was in the other waiting room; we met as booked.');
    await press(worker.page, 'Correct the record');
    await expect.poll(() => mainText(worker.page)).toContain('Record corrected');
    expect(await db.selectFrom('programme_session').select(['state', 'absence_judgement']).where('id', '=', thirdSession).executeTakeFirstOrThrow()).toEqual({ state: 'attended', absence_judgement: null });

    // Completion with fewer sessions than his plan asks is refused, with the reason; a manager records it, with hers.
    await worker.page.goto(`${base}${casePath}`);
    await worker.page.getByLabel('Yes, he has completed the work in his plan').check();
    await press(worker.page, 'Record completion');
    await expect.poll(() => mainText(worker.page)).toMatch(/There is a problem.*Under the programme’s rule he must attend \d+ sessions? of the \d+ sessions? in his plan to complete/s);
    expect(await stateNow()).toBe('in_programme');
    await manager.page.goto(`${base}${casePath}`);
    await manager.page.getByLabel('Yes, he has completed the work in his plan').check();
    await manager.page.fill('#overrideReason', 'The court brought his sentencing forward; the remaining work was covered in the last two sessions.');
    await press(manager.page, 'Record completion');
    await expect.poll(stateNow).toBe('completed');
    await signOffReport(manager.page, base, referral.id, /completion report/i);

    // The fiscal, without JavaScript: the timeline shows the sessions and reports; the completion report reads as a PDF.
    const fiscal = await openPage(site.browser, { javaScript: false });
    await signInAs(fiscal.page, base, 'fiscal@demo.example');
    await fiscal.page.goto(`${base}${casePath}`);
    await showing(fiscal.page, /Colin Journey|CH-/);
    const seen = await mainText(fiscal.page);
    expect(seen).toContain('Session attended');
    expect(seen).toContain('Report sent to the referrer');
    // The mistaken absence shows as corrected, never silently changed; why stays with CHOICE, as does the manager's reason.
    expect(seen).toContain('Attendance record corrected');
    expect(seen).not.toContain('other waiting room');
    expect(seen).not.toContain('sentencing forward');
    expect(seen).not.toContain('PRIVATE:');
    expect(seen).not.toContain('niece');
    expect(seen).not.toContain('Late-night internet use');
    await fiscal.page.locator('#reports').getByRole('link', { name: /completion report/i }).first().click();
    await showing(fiscal.page, /completion report/i);
    const pdf = await downloadPdf(fiscal.page);
    expect(pdf).toContain(referral.reference);
    expect(pdf).toMatch(/procurator fiscal/i);
    expect(pdf).toMatch(/completed/i);
    expect(pdf).not.toContain('PRIVATE:');
    expect(pdf).not.toContain('difficult relationship');
    expect(pdf).not.toContain('Late-night internet use');
    expect(pdf).not.toContain('niece');

    // The manager closes the case; its outcome is counted.
    await manager.page.goto(`${base}${casePath}`);
    await manager.page.fill('#outcome', 'Completion report sent to the fiscal.');
    await press(manager.page, 'Close case');
    await expect.poll(async () => (await db.selectFrom('referral').select(['state', 'outcome_code']).where('id', '=', referral.id).executeTakeFirstOrThrow())).toEqual({ state: 'closed', outcome_code: 'completed' });
    await manager.page.goto(`${base}/staff/statistics`);
    expect(await mainText(manager.page)).toContain('Programme completed');
    await db.destroy();
  });

  it('deferred-sentence route: unacceptable absences cross the non-compliance rule, the programme ends early, and the social worker reads the report as a PDF', async () => {
    const base = site.server.baseUrl;
    const db = connect(site.server.databaseUrl, { max: 1 });
    const referral = await allocatedReferral(db, 'socialworker.edinburgh@demo.example', 'worker@demo.example', { person_name: 'Derek Journey' });
    const casePath = `/staff/referrals/${referral.id}`;
    const stateNow = async () => (await db.selectFrom('referral').select('state').where('id', '=', referral.id).executeTakeFirstOrThrow()).state;

    const worker = await openPage(site.browser, { javaScript: true });
    await signInAs(worker.page, base, 'worker@demo.example');
    await worker.page.goto(`${base}${casePath}`);
    await press(worker.page, 'Start the assessment');
    await expect.poll(stateNow).toBe('assessment');

    // Three sessions he does not come to, without an acceptable reason (the default rule: a warning at two, a decision at three).
    const sessions: string[] = [];
    for (const [index, time] of ['09:00', '12:00', '15:00'].entries()) sessions.push(await bookSession(worker.page, base, referral.id, 14 + index, time));
    for (const [index, sessionId] of sessions.entries()) {
      await inThePast(db, sessionId, 10 - index);
      await worker.page.goto(`${base}/staff/sessions/${sessionId}`);
      await worker.page.getByLabel('No, the reason is not acceptable').check();
      await worker.page.fill('#absenceReason', `He did not come and did not get in touch (${index + 1}).`);
      await press(worker.page, 'He did not come');
      await expect.poll(async () => (await db.selectFrom('programme_session').select('state').where('id', '=', sessionId).executeTakeFirstOrThrow()).state, { timeout: 15_000 }).toBe('not_attended');
    }
    // The rule's end threshold: the report waits for a manager, and the social worker is told nothing before it is signed off.
    await expect.poll(() => mainText(worker.page)).toContain('The non-compliance report is waiting for a manager to sign it off; the referrer is told once it is signed off.');
    const mailToSocialWorker = () => db.selectFrom('outbox_message').select(['to_address', 'subject', 'body_text']).where('to_address', '=', 'socialworker.edinburgh@demo.example').where('subject', 'like', `%${referral.reference}%`).execute();
    expect(await mailToSocialWorker()).toEqual([]);

    // The worker ends the programme early for non-compliance.
    // Past the rule's end threshold, ending early is the first step offered, not folded away.
    await worker.page.goto(`${base}${casePath}`);
    expect(await mainText(worker.page)).toContain('Record the early end');
    expect(await worker.page.getByLabel('He did not keep to the programme').isVisible()).toBe(true);
    await worker.page.getByLabel('He did not keep to the programme').check();
    await worker.page.fill('#detail', 'Three sessions missed without an acceptable reason, after a warning.');
    await press(worker.page, 'End the programme');
    await expect.poll(stateNow, { timeout: 15_000 }).toBe('ended_early');

    // The manager signs off the report; the social worker reads it.
    const manager = await openPage(site.browser, { javaScript: false });
    await signInAs(manager.page, base, 'manager@demo.example');
    await signOffReport(manager.page, base, referral.id, /programme ended early/i);
    const mail = await mailToSocialWorker();
    expect(mail.map((m) => m.subject)).toEqual([`A CHOICE report is ready on referral ${referral.reference}`]);
    for (const message of mail) expect(message.body_text).not.toContain('Derek');

    const socialWorker = await openPage(site.browser, { javaScript: false });
    await signInAs(socialWorker.page, base, 'socialworker.edinburgh@demo.example');
    await socialWorker.page.goto(`${base}${casePath}`);
    await showing(socialWorker.page, /Derek Journey|CH-/);
    const seen = await mainText(socialWorker.page);
    expect(seen).toContain('Session missed without an acceptable reason');
    expect(seen).not.toContain('did not get in touch');
    // What is hers to act on is on the case page, with the report it rests on one link away.
    expect(seen).toContain('What needs your attention');
    expect(seen).toContain('The programme has ended early');
    await socialWorker.page.getByRole('link', { name: 'Read the ended-early report' }).click();
    await showing(socialWorker.page, /ended early/i);
    const pdf = await downloadPdf(socialWorker.page);
    expect(pdf).toContain(referral.reference);
    expect(pdf).toMatch(/supplementary report/i);
    expect(pdf).toMatch(/ended early/i);
    // What happened is the referrer's to know; why each absence happened is not.
    expect(pdf).toContain('Three sessions missed without an acceptable reason, after a warning.');
    expect(pdf).not.toContain('did not get in touch');
    await db.destroy();
  });
});
