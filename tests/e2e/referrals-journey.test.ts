import { describe, expect, it } from 'vitest';
import { connect } from '../../db/connection';
import { foreignRequests, openPage } from '../support/browser';
import { submittedReferral } from '../support/cases';
import { useSiteInBrowser } from '../support/e2e';
import { mainText, press, showing, signInFirstTime } from '../support/staff-browser';


describe('a referral from sending to allocation, in Chromium', () => {
  const site = useSiteInBrowser({ seed: true });

  it('the manager asks for more information, the fiscal answers, the manager accepts and allocates; the worker sees the case; another authority cannot', async () => {
    const base = site.server.baseUrl;
    const db = connect(site.server.databaseUrl, { max: 1 });
    // The referral itself is made in the referrer's own walk (referrals-referrer.test.ts); here it is already sent.
    const referral = await submittedReferral(db, 'fiscal@demo.example', { person_name: 'Alan Journey' });
    const casePath = `/staff/referrals/${referral.id}`;
    const stateNow = async () => (await db.selectFrom('referral').select('state').where('id', '=', referral.id).executeTakeFirstOrThrow()).state;
    const reached = (state: string) => expect.poll(stateNow, { timeout: 15_000 }).toBe(state);

    // The manager, with JavaScript: from the screening queue to a request for more information.
    const manager = await openPage(site.browser, { javaScript: true });
    await signInFirstTime(manager.page, base, 'manager@demo.example');
    await manager.page.getByRole('link', { name: 'Screening', exact: true }).first().click();
    await showing(manager.page, /Screening/);
    expect(await mainText(manager.page)).toContain(referral.reference);
    await manager.page.getByRole('link', { name: new RegExp(referral.reference) }).first().click();
    await showing(manager.page, /Alan Journey|CH-/);
    await press(manager.page, 'Start screening');
    await reached('screening');
    await expect.poll(() => mainText(manager.page)).toContain('Accept the referral');
    await manager.page.fill('#request', 'Please tell us whether he has agreed to take part, and send the date of the next hearing.');
    await press(manager.page, 'Send the request');
    await reached('more_information_requested');

    // The fiscal is told by email (the mailbox here) and answers on the case page, without JavaScript.
    const mail = await db.selectFrom('outbox_message').select(['to_address', 'subject', 'body_text']).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('fiscal@demo.example');
    expect(mail.body_text).toContain(casePath);
    expect(mail.body_text).not.toContain('Alan Journey');
    const fiscal = await openPage(site.browser, { javaScript: false });
    await signInFirstTime(fiscal.page, base, 'fiscal@demo.example');
    await fiscal.page.goto(`${base}${casePath}`);
    await showing(fiscal.page, /Alan Journey|CH-/);
    expect(await mainText(fiscal.page)).toContain('send the date of the next hearing');
    await fiscal.page.fill('#response', 'He agreed on 20 November. The next hearing is on 12 January.');
    await press(fiscal.page, 'Send your answer');
    await reached('submitted');
    await showing(fiscal.page, /Alan Journey|CH-/);
    expect(await mainText(fiscal.page)).toContain('He agreed on 20 November');

    // The manager accepts and allocates to the programme worker.
    await manager.page.goto(`${base}${casePath}`);
    await press(manager.page, 'Start screening');
    await reached('screening');
    await expect.poll(() => mainText(manager.page)).toContain('Accept the referral');
    await press(manager.page, 'Accept referral');
    await reached('accepted');
    await expect.poll(() => mainText(manager.page), { timeout: 15_000 }).toContain('Who will work with him?');
    await manager.page.getByLabel(/Wendy Worker/).check();
    await press(manager.page, 'Allocate');
    await reached('allocated');
    await expect.poll(() => mainText(manager.page), { timeout: 15_000 }).toContain('Reallocate the case');

    // The worker finds it among her cases.
    const worker = await openPage(site.browser, { javaScript: false });
    await signInFirstTime(worker.page, base, 'worker@demo.example');
    await worker.page.getByRole('link', { name: 'Cases', exact: true }).first().click();
    await showing(worker.page, /Cases|Referrals/);
    expect(await mainText(worker.page)).toContain('Alan Journey');
    await worker.page.goto(`${base}${casePath}`);
    await showing(worker.page, /Alan Journey|CH-/);

    // A justice social worker in Glasgow cannot reach an Edinburgh fiscal's case.
    const glasgow = await openPage(site.browser, { javaScript: false });
    await signInFirstTime(glasgow.page, base, 'socialworker.glasgow@demo.example');
    const response = await glasgow.page.goto(`${base}${casePath}`);
    expect(response?.status()).toBe(404);
    await glasgow.page.goto(`${base}/staff/referrals`);
    expect(await mainText(glasgow.page)).not.toContain('Alan Journey');

    const states = await db.selectFrom('case_event').select('to_state').where('referral_id', '=', referral.id).orderBy('id').execute();
    expect(states.map((s) => s.to_state)).toEqual(['draft', 'draft', 'submitted', 'screening', 'more_information_requested', 'submitted', 'screening', 'accepted', 'allocated']);
    for (const tab of [manager, fiscal, worker, glasgow]) expect(foreignRequests(tab.requests, base)).toEqual([]);
    for (const tab of [manager, fiscal, worker, glasgow]) await tab.close();
    await db.destroy();
  });
});
