import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { downloadPlan } from '../../app/server/content.server';

const post = (path: string, fields: Array<[string, string]>) =>
  new Request(`http://localhost${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

const PLANS: Array<['self-help' | 'toolkit', string, string, Array<[string, string]>]> = [
  [
    'toolkit',
    'family-safety-plan',
    'builder',
    [
      ['household_rules', 'Bedroom doors stay open'],
      ['supervision', 'Never alone with the children'],
      ['online_safety', 'Tablets in the living room'],
      ['trusted_adults', 'Gran'],
      ['if_rule_broken', 'We call social work'],
    ],
  ],
  [
    'self-help',
    'my-plan-for-change',
    'my-plan',
    [
      ['triggers', 'Sunday nights'],
      ['warning_signs', 'Staying up late'],
      ['instead', 'Phone my brother'],
      ['people', 'My GP'],
      ['device_changes', 'A filter'],
      ['routine_changes', 'The gym'],
      ['reasons', 'For my daughter'],
    ],
  ],
];

describe('downloaded plans leave as little trace as a file can', () => {
  for (const [area, group, page, fields] of PLANS) {
    it(`/${area}/${group}/${page}/pdf has a plain file name and properties that name no one, no site and no date`, async () => {
      const response = await downloadPlan(area, { request: post(`/${area}/${group}/${page}/pdf`, fields), params: { group, page }, context: {} as never });
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="plan.pdf"');
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = Buffer.from(bytes).toString('latin1');
      expect(text).not.toMatch(/Stop It Now|stopitnow|Author/i);
      const info: Record<string, unknown> = Object.fromEntries(Object.entries((await (await getDocumentProxy(bytes)).getMetadata()).info));
      expect(info.Author).toBeUndefined();
      expect(info.Creator).toBe('PDFKit');
      expect(info.Producer).toBe('PDFKit');
      expect(String(info.CreationDate)).toMatch(/^D:20000101/);
    });
  }
});
