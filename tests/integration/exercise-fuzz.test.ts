import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downloadPlan, reflectExercise } from '../../app/server/content.server';

const post = (path: string, fields: Array<[string, string]>) =>
  new Request(`http://localhost${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

const names = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'triggers', 'warning_signs', 'reasons', 'household_rules', 'urge_strength', 'when_strongest', 'triggers[0]', 'a.b'));
const values = fc.oneof(fc.string(), fc.constantFrom('', '7', '-3', '11', 'late_night', '<script>x</script>', 'y'.repeat(6000), '\u0000'));
const bodies = fc.array(fc.tuple(names, values), { maxLength: 25 });

describe('hostile bodies sent to exercises and plans', () => {
  const cases: Array<['self-help' | 'toolkit', string, string]> = [
    ['self-help', 'compulsion-and-habits', 'mapping-your-urges'],
    ['self-help', 'my-plan-for-change', 'my-plan'],
    ['toolkit', 'family-safety-plan', 'builder'],
  ];
  for (const [area, group, page] of cases) {
    it(`/${area}/${group}/${page}: the page answers 200 or 400 with messages; the PDF 200 or 400; never a failure`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (fields) => {
          const path = `/${area}/${group}/${page}`;
          const reflected = await reflectExercise(area, { request: post(path, fields), params: { group, page }, context: {} as never });
          expect([200, 400]).toContain(reflected.status);
          const data = (await reflected.json()) as { errors?: Record<string, string> };
          if (reflected.status === 400) expect(Object.values(data.errors ?? {}).every((m) => typeof m === 'string' && (m as string).length > 5)).toBe(true);
          if (page !== 'mapping-your-urges') {
            const pdf = await downloadPlan(area, { request: post(`${path}/pdf`, fields), params: { group, page }, context: {} as never });
            expect([200, 400]).toContain(pdf.status);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
