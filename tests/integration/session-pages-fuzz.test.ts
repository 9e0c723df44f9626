/**
 * Hostile bodies posted to the session page and the booking page, as the worker and a
 * manager: the answer is always a page with a specific message (never a 500, never a
 * generic one), and garbage never books or moves anything. The session's version is set
 * beyond any number the generator makes, so a generated "version" never matches it; the
 * booking page's one module is never generated, so no body can book.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { scheduleSession } from '../../modules/sessions/sessions';
import { startInProcessApp } from '../support/app';
import { allocatedReferral, staffActor } from '../support/cases';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

const VERSION = 7_342_100;
const FIELDS = [
  'step',
  'version',
  'judgement',
  'absenceReason',
  'topics',
  'engagement',
  'homeworkSet',
  'homeworkDone',
  'concerns',
  'safeguarding',
  'privateNotes',
  'moveReason',
  'cancelReason',
  'module',
  'date-day',
  'date-month',
  'date-year',
  'time',
  'minutes',
  '__proto__',
  'constructor',
  'step[0]',
  'date.day',
  'x',
];
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
  '12',
  '2027',
  '14:30',
  '25:00',
  '01:30',
  'yes',
  'on',
  'acceptable',
  'unacceptable',
  'full',
  'not_set',
  'motivation',
  '00000000-0000-4000-8000-000000000000',
  'MARK_ATTENDED',
  'MARK_NOT_ATTENDED',
  'RECORD_NOTES',
  'SIGN_OFF',
  'RESCHEDULE',
  'CANCEL',
  'SCHEDULE',
];

const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.uuid(), fc.stringMatching(/^\d{1,6}$/));
const body = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 10 });

/** Messages zod or conform would give if a field had no message of its own. */
const GENERIC = /Invalid input|expected string|Required|invalid_type|Check this answer/;

describe('the session pages under hostile input', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let referralId: string;
  let sessionId: string;

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    referralId = (await allocatedReferral(test.db, 'fiscal@demo.example', 'worker@demo.example')).id;
    const { kind: _kind, ...worker } = await staffActor(test.db, 'worker@demo.example');
    const booked = await scheduleSession(test.db, { referralId, workerId: worker.staffUserId, moduleKey: 'assessment', startsAt: new Date(Date.now() - 3_600_000), minutes: 60, actor: worker });
    sessionId = booked.id;
    await test.db.updateTable('programme_session').set({ version: VERSION }).where('id', '=', sessionId).execute();
  });
  afterAll(() => app?.stop());

  const sessionState = () => test.db.selectFrom('programme_session').select(['state', 'version']).where('id', '=', sessionId).executeTakeFirstOrThrow();
  const sessionCount = async () => (await test.db.selectFrom('programme_session').select('id').where('referral_id', '=', referralId).execute()).length;

  it('answers every hostile body to the session page with a specific message, and never changes the session', async () => {
    let requests = 0;
    for (const email of ['worker@demo.example', 'manager@demo.example']) {
      const client = await signedInClient(app.baseUrl, test.db, email);
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          requests++;
          const response = await client.post(`/staff/sessions/${sessionId}`, fields.filter(([name]) => name !== 'csrf'));
          const seen = `${email} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          const step = fields.find(([name]) => name === 'step')?.[1];
          if (response.status === 403) {
            // Only a worker's sign-off is refused outright.
            expect(email === 'worker@demo.example' && step === 'SIGN_OFF', seen).toBe(true);
            return;
          }
          expect([400, 409], seen).toContain(response.status);
          const words = pageText(response.text);
          expect(words, seen).toMatch(new RegExp(`There is a problem|This session was changed by someone else|${FORM_NOT_ACCEPTED.source}`));
          expect(words, seen).not.toMatch(GENERIC);
        }),
        { numRuns: 100 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(200);
    expect(await sessionState()).toEqual({ state: 'scheduled', version: VERSION });
    expect(await sessionCount()).toBe(1);
    expect(await test.db.selectFrom('outbox_message').select('id').execute()).toHaveLength(0);
  });

  it('answers every hostile body to the booking page with a specific message, and books nothing', async () => {
    let requests = 0;
    for (const email of ['worker@demo.example', 'manager@demo.example']) {
      const client = await signedInClient(app.baseUrl, test.db, email);
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          requests++;
          const response = await client.post(`/staff/referrals/${referralId}/sessions/new`, fields.filter(([name]) => name !== 'csrf'));
          const seen = `${email} ${JSON.stringify(fields).slice(0, 300)} → ${response.status}`;
          expect(response.status, seen).toBe(400);
          const words = pageText(response.text);
          expect(words, seen).toMatch(new RegExp(`There is a problem|${FORM_NOT_ACCEPTED.source}`));
          expect(words, seen).not.toMatch(GENERIC);
        }),
        { numRuns: 100 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(200);
    expect(await sessionCount()).toBe(1);
  });

  it('answers hostile addresses with "not found"', async () => {
    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 60 }), fc.uuid(), fc.constantFrom('%00', '%2e%2e', 'CH-000001', sessionId.toUpperCase())).filter((id) => !['', '.', '..'].includes(id)), async (id) => {
        const response = await worker.get(`/staff/sessions/${encodeURIComponent(id)}`);
        expect(response.status, `${id} → ${response.status}`).toBe(id.toLowerCase() === sessionId ? 200 : 404);
        const invite = await worker.get(`/staff/sessions/${encodeURIComponent(id)}/invite.ics`);
        expect(invite.status, `${id} invite → ${invite.status}`).toBe(id.toLowerCase() === sessionId ? 200 : 404);
      }),
      { numRuns: 40 },
    );
  });
});
