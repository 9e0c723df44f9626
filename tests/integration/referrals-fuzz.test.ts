/**
 * Hostile form bodies against every section of the referral form and the send step:
 * the answer is always a page or a redirect (never a 500), and what was typed is never
 * lost: it is either saved, or on the page that comes back.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import { REFERRAL_SECTIONS, SECTION_FIELDS } from '../../modules/referrals/sections';
import { createDraftReferral } from '../../modules/referrals/transitions';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';
import { HOSTILE_TEXT, FORM_NOT_ACCEPTED } from '../support/fuzz';

/** One free-text field a section, where a typed marker can be looked for afterwards, and its column. */
const MARKED: Record<(typeof REFERRAL_SECTIONS)[number], { field: string; column: string } | null> = {
  person: { field: 'personName', column: 'person_name' },
  route: null,
  offence: { field: 'charges', column: 'charges' },
  dates: null,
  risk: { field: 'riskInformation', column: 'risk_information' },
  consent: null,
  contact: null,
};

const NASTY = [
  ...HOSTILE_TEXT,
  '{{7*7}}',
  '=HYPERLINK("http://x")',
  'x'.repeat(6000),
  '99999999999999999999',
  '-1',
  '0',
  '31',
  '2',
  '1985',
  '2099',
  'NaN',
  'male',
  'diversion',
  'licence',
  'still_images',
  'other',
  'given',
  'not_needed',
  'alleged',
  'convicted',
  'continue',
  'save-later',
  'check-answers',
  '0131 496 0000',
  'a@b.example',
];

const allFields = REFERRAL_SECTIONS.flatMap((section) =>
  Object.entries(SECTION_FIELDS[section]).flatMap(([name, kind]) => (kind === 'date' ? [`${name}-day`, `${name}-month`, `${name}-year`] : [name])),
);
const FIELDS = [...allFields, 'intent', 'version', 'returnTo', 'eligibilityReason', '__proto__', 'constructor', 'personName[0]', 'route.x', 'x'];

const hostile = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.stringMatching(/^\d{1,12}$/));
const fields = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), hostile), { maxLength: 12 });

describe('the referral form under hostile input', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  let fiscal: Awaited<ReturnType<typeof signedInClient>>;
  let referralId = '';
  let requests = 0;

  const current = () => test.db.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    fiscal = await signedInClient(app.baseUrl, test.db, 'fiscal@demo.example');
    referralId = (await createDraftReferral(test.db, { staffUserId: fiscal.staff.userId, organisationId: (await test.db.selectFrom('staff_user').select('organisation_id').where('id', '=', fiscal.staff.userId).executeTakeFirstOrThrow()).organisation_id })).id;
  });
  afterAll(() => app?.stop());

  it('answers every hostile section form with a page or a redirect, and keeps what was typed', async () => {
    for (const section of REFERRAL_SECTIONS) {
      const marked = MARKED[section];
      await fc.assert(
        fc.asyncProperty(fields, fc.boolean(), fc.constantFrom('continue', 'save-later'), fc.stringMatching(/^[a-f0-9]{10}$/), async (posted, useCurrentVersion, intent, hex) => {
          requests++;
          const marker = `Marker ${hex}`;
          const { version } = await current();
          const pairs: Array<[string, string]> = posted.filter(([name]) => name !== 'csrf' && !(marked && name === marked.field));
          if (useCurrentVersion) pairs.unshift(['version', String(version)], ['intent', intent]);
          if (marked) pairs.push([marked.field, marker]);
          const response = await fiscal.post(`/staff/referrals/${referralId}/details/${section}`, pairs);
          const seen = `${section} ${JSON.stringify(pairs).slice(0, 400)} → ${response.status}`;
          expect([302, 400, 409], seen).toContain(response.status);
          if (response.status === 302) expect(response.location, seen).toMatch(/^\/staff\/referrals(\/|\?saved=)/);
          else expect(pageText(response.text), seen).toMatch(new RegExp(`There is a problem|This referral was changed by someone else|${FORM_NOT_ACCEPTED.source}`));
          if (!marked) return;
          // A body naming a field no form of ours has (the form library's reserved names) is
          // refused whole before the page sees it: no browser sends one, so no person's typing is lost.
          if (FORM_NOT_ACCEPTED.test(pageText(response.text))) {
            expect(pairs.some(([name]) => /^__|(^|[.[\]])(__proto__|constructor|prototype)($|[.[\]])/.test(name)), seen).toBe(true);
            return;
          }
          // The marker is either on the page that came back, or saved in the referral.
          const row = await current();
          const saved = (row as unknown as Record<string, unknown>)[marked.column] === marker;
          expect(saved || response.text.includes(marker), seen).toBe(true);
        }),
        { numRuns: 45 },
      );
    }
  });

  it('answers every hostile send with a page or a redirect, and keeps the reason typed wherever it asks for one', async () => {
    await fc.assert(
      fc.asyncProperty(fields, fc.boolean(), fc.stringMatching(/^[a-f0-9]{10}$/), async (posted, useCurrentVersion, hex) => {
        requests++;
        const marker = `Reason ${hex}`;
        const { version, state } = await current();
        const pairs: Array<[string, string]> = posted.filter(([name]) => name !== 'csrf' && name !== 'eligibilityReason');
        if (useCurrentVersion) pairs.unshift(['version', String(version)]);
        pairs.push(['eligibilityReason', marker]);
        const response = await fiscal.post(`/staff/referrals/${referralId}/check-answers`, pairs);
        const seen = `send ${JSON.stringify(pairs).slice(0, 400)} → ${response.status}`;
        expect([302, 400, 409], seen).toContain(response.status);
        if (response.status === 302) {
          // Sent (or already sent): nothing typed is on a page any more, it is in the case.
          expect(response.location, seen).toMatch(/^\/staff\/referrals\/[0-9a-f-]{36}(\/confirmation)?$/);
          expect(state === 'draft' ? (await current()).state : 'submitted', seen).toBe('submitted');
        } else if (response.text.includes('name="eligibilityReason"')) {
          // Where the page asks for a reason, the one typed is in it.
          expect(response.text, seen).toContain(marker);
        }
      }),
      { numRuns: 60 },
    );
    expect(requests).toBeGreaterThanOrEqual(300);
    expect((await fiscal.get('/staff/referrals')).status).toBe(200);
  });
});
