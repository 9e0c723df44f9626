import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../db/seed';
import type { AuditOutcome } from '../../db/schema';
import { exportAuditLog } from '../../modules/audit/csv';
import { searchAuditLog, type AuditCursor, type AuditFilters } from '../../modules/audit/search';
import { queueMail } from '../../modules/mail/outbox';
import { mailboxLoader } from '../../app/server/mailbox.server';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { pageText } from '../support/http-client';
import { signedInClient } from '../support/staff';

describe('searching, paging and exporting the audit log', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  const people: Record<string, { id: string; organisation_id: string }> = {};

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
    for (const row of await test.db.selectFrom('staff_user').select(['id', 'email', 'organisation_id']).execute()) people[row.email] = row;
    const worker = people['worker@demo.example']!;
    const admin = people['admin@demo.example']!;
    const fiscal = people['fiscal@demo.example']!;
    const event = (at: string, email: typeof worker, action: string, outcome: AuditOutcome, object?: { type: string; id: string }, detail?: object) => ({
      occurred_at: at,
      actor_staff_user_id: email.id,
      actor_organisation_id: email.organisation_id,
      action,
      outcome,
      object_type: object?.type ?? null,
      object_id: object?.id ?? null,
      detail: detail ? JSON.stringify(detail) : null,
    });
    const rows = [
      // Sixty at the very same microsecond: only the id tells them apart.
      ...Array.from({ length: 60 }, () => event('2026-11-20T10:00:00.123456Z', worker, 'sign-in', 'success', { type: 'staff_user', id: worker.id })),
      ...Array.from({ length: 40 }, (_, i) => event(`2026-11-18T09:${String(i).padStart(2, '0')}:00Z`, admin, 'staff.role-change', 'success', { type: 'staff_user', id: worker.id }, { from: 'worker', to: 'manager' })),
      ...Array.from({ length: 25 }, (_, i) => event(`2026-11-19T12:${String(i).padStart(2, '0')}:30.5Z`, worker, 'sign-in.password', 'failure', { type: 'staff_user', id: worker.id }, { reason: 'wrong-password' })),
      event('2026-11-21T08:00:00Z', fiscal, 'access.denied', 'denied', { type: 'permission', id: '=HYPERLINK("http://evil.example","click")' }, { reason: '+SUM(1)' }),
      event('2026-11-21T08:00:01Z', worker, 'sign-out', 'success', { type: 'staff_user', id: worker.id }),
      // 23:30 UTC on 1 July is 00:30 on 2 July in Scotland (summer time).
      event('2026-07-01T23:30:00Z', admin, 'organisation.create', 'success', { type: 'organisation', id: admin.organisation_id }),
    ];
    await test.db.insertInto('audit_event').values(rows).execute();
  });
  afterAll(() => app?.stop());

  const allInOrder = async (filters: AuditFilters = {}) => {
    const pages: number[][] = [];
    let cursor: AuditCursor | null = null;
    for (;;) {
      const page = await searchAuditLog(test.db, filters, cursor, 20);
      pages.push(page.rows.map((r) => r.id));
      if (!page.older) return { pages, last: page };
      cursor = { direction: 'older', ...splitCursor(page.older) };
    }
  };
  const splitCursor = (value: string) => {
    const [at, id] = value.split('_');
    return { at: at!, id: Number(id) };
  };

  it('pages newest first with no row lost or repeated, even among rows written in the same microsecond, and back again', async () => {
    const expected = (await test.db.selectFrom('audit_event').select('id').orderBy('occurred_at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id);
    const { pages, last } = await allInOrder();
    expect(pages.flat()).toEqual(expected);
    expect(pages.every((p) => p.length === 20 || p === pages.at(-1))).toBe(true);

    // Back from the last page with "Newer": the same pages in reverse.
    let newer = last.newer;
    const back: number[][] = [];
    while (newer) {
      const page = await searchAuditLog(test.db, {}, { direction: 'newer', ...splitCursor(newer) }, 20);
      back.push(page.rows.map((r) => r.id));
      newer = page.newer;
    }
    expect(back).toEqual(pages.slice(0, -1).reverse());
    expect((await searchAuditLog(test.db, {}, null, 20)).newer).toBeNull();
  });

  it('filters by family of action, outcome, who (part of their email), object and Scottish days', async () => {
    const ids = async (filters: AuditFilters) => (await allInOrder(filters)).pages.flat();
    const actionsOf = async (filters: AuditFilters) => new Set((await searchAuditLog(test.db, filters, null, 500)).rows.map((r) => r.action));
    expect(await actionsOf({ action: 'sign-in' })).toEqual(new Set(['sign-in', 'sign-in.password']));
    expect(await actionsOf({ action: 'staff' })).toEqual(new Set(['staff.role-change']));
    expect(await ids({ outcome: 'failure' })).toHaveLength(25);
    expect(await ids({ action: 'sign-in', outcome: 'success' })).toHaveLength(60);
    expect(await actionsOf({ actor: 'ADMIN@demo' })).toEqual(new Set(['staff.role-change', 'organisation.create']));
    expect(await ids({ actor: '%' })).toHaveLength(0);
    expect(await ids({ objectType: 'permission', objectId: '=HYPERLINK("http://evil.example","click")' })).toHaveLength(1);
    expect(await ids({ objectType: 'organisation' })).toHaveLength(1);
    expect(await ids({ from: '2026-07-02', to: '2026-07-02' })).toHaveLength(1);
    expect(await ids({ from: '2026-07-01', to: '2026-07-01' })).toHaveLength(0);
    expect(await ids({ from: '2026-11-19', to: '2026-11-20' })).toHaveLength(85);
  });

  it('shows managers the log with names and organisations, never email addresses, with Newer and Older links that keep the filters', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    const first = await manager.get('/staff/audit?action=sign-in');
    expect(first.status).toBe(200);
    const text = pageText(first.text);
    expect(text).toContain('Signed in');
    expect(text).toContain('Wendy Worker CHOICE service (demo)');
    expect(first.text).not.toMatch(/[a-z.]+@demo\.example/);
    expect(first.text).not.toContain('Newer entries');
    const older = /href="(\/staff\/audit\?[^"]*older=[^"]+)"/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toMatch(/action=sign-in&older=2026-11-20T10%3A00%3A00\.123456Z_\d+/);
    const second = await manager.get(older!);
    expect(pageText(second.text)).toContain('Newer entries');
    expect(second.text).toContain('href="/staff/audit/export?action=sign-in"');

    const badDates = await manager.get('/staff/audit?from=31%2F02%2F2026&to=banana');
    expect(badDates.status).toBe(200);
    expect(pageText(badDates.text)).toMatch(/There is a problem Enter the first day as a real date, like 23\/11\/2026 Enter the last day as a real date/);
    expect(badDates.text).toContain('value="31/02/2026"');
    expect(badDates.text).not.toContain('Export');

    const worker = await signedInClient(app.baseUrl, test.db, 'worker@demo.example');
    expect((await worker.get('/staff/audit')).status).toBe(403);
    expect((await worker.get('/staff/audit/export')).status).toBe(403);
  });

  it('exports CSV as an attachment, records the export with its filters and row count first, and defuses formulas', async () => {
    const manager = await signedInClient(app.baseUrl, test.db, 'manager@demo.example');
    const before = await test.db.selectFrom('audit_event').select('id').where('action', '=', 'audit.export').execute();
    const response = await manager.get('/staff/audit/export?objectType=permission&actor=fiscal');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,occurred_at,actor,actor_organisation,action,object_type,object_id,object_name,outcome,detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,Fiona Fiscal,COPFS Edinburgh (demo),access.denied,permission,"'=HYPERLINK(""http://evil.example"",""click"")",,denied,`);
    expect(lines[1]).toContain('"{""reason"":""+SUM(1)""}"');

    const exports = await test.db.selectFrom('audit_event').selectAll().where('action', '=', 'audit.export').orderBy('id').execute();
    expect(exports).toHaveLength(before.length + 1);
    expect(exports.at(-1)).toMatchObject({
      actor_staff_user_id: people['manager@demo.example']!.id,
      outcome: 'success',
      detail: { rows: 1, truncated: false, objectType: 'permission', action: null, outcome: null, actor: 'fiscal', objectId: null, from: null, to: null },
    });

    const capped = await exportAuditLog(test.db, { staffUserId: people['admin@demo.example']!.id, organisationId: null }, { action: 'sign-in' }, 10);
    expect(capped).toMatchObject({ rows: 10, truncated: true });
    expect(capped.csv.trimEnd().split('\r\n')).toHaveLength(11);
    const last = await test.db.selectFrom('audit_event').select('detail').where('action', '=', 'audit.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.detail).toMatchObject({ rows: 10, truncated: true, action: 'sign-in' });

    const unreadable = await manager.get('/staff/audit/export?from=never');
    expect(unreadable.status).toBe(302);
    expect(unreadable.location).toBe('/staff/audit?from=never');
  });

  it('shows sent mail, with its links, only to administrators and only where there is no SMTP server', async () => {
    await queueMail(test.db, { to: 'someone@demo.example', subject: 'Your link', kind: 'test', text: `Open this:\n${app.baseUrl}/staff/invitation/${'A'.repeat(43)}\nThanks` });
    const admin = await signedInClient(app.baseUrl, test.db, 'admin@demo.example');
    const page = await admin.get('/staff/mailbox');
    expect(page.status).toBe(200);
    expect(pageText(page.text)).toContain('someone@demo.example Your link');
    expect(page.text).toContain(`<a class="govuk-link" href="${app.baseUrl}/staff/invitation/${'A'.repeat(43)}" rel="noreferrer">`);

    for (const email of ['manager@demo.example', 'worker@demo.example', 'fiscal@demo.example']) {
      const other = await signedInClient(app.baseUrl, test.db, email);
      const refused = await other.get('/staff/mailbox');
      expect(refused.status, email).toBe(403);
      expect(refused.text).not.toContain('Your link');
    }

    const request = new Request(`${app.baseUrl}/staff/mailbox`, { headers: { Cookie: admin.staff.cookie } });
    const context = { db: test.db, mailTransportKind: 'smtp' } as unknown as AppLoadContext;
    const outcome = await mailboxLoader({ request, context, params: {} }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(404);
  });
});
