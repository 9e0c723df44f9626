import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../modules/checks/ids';
import { CHECKS } from '../../modules/checks/index';
import { postStep } from '../support/checks';
import { useTestDatabase } from '../support/database';

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '0', '-1', '99', '1e9', 'NaN', '__proto__', 'constructor', '<script>alert(1)</script>', "' OR 1=1 --", '\u0000', '💥'.repeat(50), 'x'.repeat(5000)),
);

describe('hostile bodies sent to every step of every check', () => {
  const test = useTestDatabase();

  for (const checkId of CHECK_IDS) {
    const check = CHECKS[checkId];
    const ids = check.questions.map((q) => q.id);
    const options = check.questions.flatMap((q) => [...(q.options ?? []), 'prefer_not_to_say']);
    const name = fc.oneof(
      fc.constantFrom('intent', 'question', 'response', 'returnTo', 'code', 'at', ...ids.map((id) => `a:${id}`)),
      fc.string(),
      fc.constantFrom('a:', 'a:__proto__', '__proto__', 'response[0]', 'a:x.y'),
    );
    const value = fc.oneof(
      hostile,
      fc.constantFrom('start', 'answer', 'back', 'check-answers', 'result', 'code', 'resume', 'continue', 'check', ...ids, ...options, ...ids.map((id) => `change:${id}`)),
    );
    const body = fc.array(fc.tuple(name, value), { maxLength: 30 });

    it(`${checkId}: 500 random bodies all get a page (200) or a clear message (400), never a failure`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (fields) => {
          const { status, body: response } = await postStep(test.db, checkId, fields);
          expect([200, 400]).toContain(status);
          expect(response.view).toBeDefined();
          if (status === 400) {
            const message = response.notice ?? ('error' in response.view ? response.view.error : null);
            expect(typeof message === 'string' && message.length > 5).toBe(true);
          }
        }),
        { numRuns: 500 },
      );
    });
  }
});
