/**
 * Hostile bodies posted to a case page, as a manager and as the referrer: the answer
 * is always a page or a refusal (never a 500), and garbage never moves the case.
 * The case's version is set far from any small number, so a generated "version" can
 * only match it by naming it, which the generator never does.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { startInProcessApp } from '../support/app';
import { submittedReferral } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

const VERSION = 73_421;
const FIELDS = ['event', 'version', 'request', 'response', 'reason', 'confirmDecline', 'workerId', 'outcome', 'intent', '__proto__', 'constructor', 'event[0]', 'version.x', 'x'];
const NASTY = [
  ...HOSTILE_TEXT,
  '{{7*7}}',
  'x'.repeat(5000),
  '99999999999999999999',
  '-1',
  '1e309',
  'NaN',
  '0',
  '1',
  '2',
  '00000000-0000-4000-8000-000000000000',
  'yes',
  'START_SCREENING',
  'REQUEST_INFORMATION',
  'PROVIDE_INFORMATION',
  'DECLINE',
  'ACCEPT',
  'ALLOCATE',
  'CLOSE',
  'SUBMIT',
  'COMPLETE',
  'END_EARLY',
];

const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.uuid(), fc.stringMatching(/^\d{1,6}$/));
const body = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 8 });

describe('the case page under hostile input', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let referralId: string;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    referralId = (await submittedReferral(test.db, 'fiscal@demo.example')).id;
    await test.db.updateTable('referral').set({ version: VERSION }).where('id', '=', referralId).execute();
  });
  afterAll(() => app?.stop());

  const state = () => test.db.selectFrom('referral').select(['state', 'version']).where('id', '=', referralId).executeTakeFirstOrThrow();
  const events = async () => (await test.db.selectFrom('case_event').select('id').where('referral_id', '=', referralId).execute()).length;

  it('answers every hostile body with a page or a refusal, and never moves the case', async () => {
    const before = await events();
    let requests = 0;
    for (const email of ['manager@demo.example', 'fiscal@demo.example']) {
      const client = await signedInClient(app.baseUrl, test.db, email);
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          requests++;
          const response = await client.post(`/staff/referrals/${referralId}`, fields.filter(([name]) => name !== 'csrf'));
          const seen = `${email} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          expect([400, 403, 409], seen).toContain(response.status);
          if (response.status !== 403) expect(pageText(response.text), seen).toMatch(new RegExp(`There is a problem|changed by someone else|${FORM_NOT_ACCEPTED.source}`));
        }),
        { numRuns: 150 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(300);
    expect(await state()).toEqual({ state: 'submitted', version: VERSION });
    expect(await events()).toBe(before);
    const mail = await test.db.selectFrom('outbox_message').select('id').execute();
    expect(mail).toHaveLength(0);
  });

  it('answers hostile addresses with "not found"', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    await fc.assert(
      // '', '.' and '..' are not ids: the address itself resolves to another page.
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.uuid(), fc.constantFrom('%00', '%2e%2e', 'CH-000001', referralId.toUpperCase())).filter((id) => !['', '.', '..'].includes(id)), async (id) => {
        const response = await manager.get(`/staff/referrals/${encodeURIComponent(id)}`);
        expect(response.status, `${id} → ${response.status}`).toBe(id.toLowerCase() === referralId ? 200 : 404);
      }),
      { numRuns: 60 },
    );
  });
});
