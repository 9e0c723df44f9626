import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { createSession, sessionSettings } from '../../modules/auth/sessions';
import { deliverMessage, type MailTransport } from '../../modules/mail/delivery';
import { startJobRunner } from '../../modules/mail/jobs';
import { queueMail, readableText } from '../../modules/mail/outbox';
import { runQueuedJobs } from '../support/jobs';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { HttpClient, pageText } from '../support/http-client';

const linkIn = (text: string) => /https?:\/\/\S+\/staff\/(?:password-reset|invitation)\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];

describe('password reset by emailed link, through the outbox', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  const latestMail = () => test.db.selectFrom('outbox_message').selectAll().orderBy('created_at', 'desc').executeTakeFirst();

  it('says the same for an unknown address, and sends nothing', async () => {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/staff/password-reset', { email: 'nobody@demo.example' });
    await runQueuedJobs(test.db);
    expect(response.status).toBe(200);
    expect(pageText(response.text)).toContain('If nobody@demo.example is the address of a staff account');
    expect(await latestMail()).toBeUndefined();
  });

  it('emails a single-use link that works for 30 minutes, keeps only its hash, and ends every session when used', async () => {
    const user = await test.db.selectFrom('staff_user').selectAll().where('email', '=', 'worker@demo.example').executeTakeFirstOrThrow();
    await createSession(test.db, user.id, 'signed_in', sessionSettings());

    const client = new HttpClient(app.baseUrl);
    const requested = await client.post('/staff/password-reset', { email: 'WORKER@demo.example' });
    expect(pageText(requested.text)).toContain('Check your email');
    await runQueuedJobs(test.db);
    const mail = (await latestMail())!;
    expect(mail).toMatchObject({ to_address: 'worker@demo.example', kind: 'password-reset', status: 'pending' });
    const link = linkIn(readableText(mail))!;
    expect(link).toBeDefined();
    const token = link.split('/').at(-1)!;
    const stored = await test.db.selectFrom('one_time_token').selectAll().where('purpose', '=', 'password_reset').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);
    expect(new Date(stored[0]!.expires_at).getTime() - new Date(stored[0]!.created_at).getTime()).toBe(30 * 60_000);
    // The job that sends it was queued in the same transaction.
    const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'send_mail'`.execute(test.db);
    expect(jobs.rows[0]!.n).toBeGreaterThanOrEqual(1);

    const path = new URL(link).pathname;
    const form = await client.get(path);
    expect(pageText(form.text)).toContain('Choose a new password');

    const weak = await client.post(path, { password: 'password1234', confirmPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(pageText(weak.text)).toContain('one of the most common passwords');
    const mismatch = await client.post(path, { password: 'a long and quiet river', confirmPassword: 'a long and quiet rivet' });
    expect(pageText(mismatch.text)).toContain('The passwords do not match');

    const saved = await client.post(path, { password: 'a long and quiet river', confirmPassword: 'a long and quiet river' });
    expect(saved.location).toBe('/staff/password-set');
    expect(await test.db.selectFrom('staff_session').where('staff_user_id', '=', user.id).select('id_hash').execute()).toHaveLength(0);

    const again = await client.get(path);
    expect(pageText(again.text)).toContain('This link has expired or has been used');
    const reuse = await client.post(path, { password: 'another long sentence here', confirmPassword: 'another long sentence here' });
    expect(reuse.status).toBe(400);

    const signIn = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: 'a long and quiet river' });
    expect(signIn.status).toBe(302);
    const old = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    expect(old.status).toBe(400);

    const actions = await test.db.selectFrom('audit_event').select('action').where('object_id', '=', user.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['password-reset.requested', 'password-reset.completed']));
  });

  it('refuses an expired link', async () => {
    const client = new HttpClient(app.baseUrl);
    await client.post('/staff/password-reset', { email: 'manager@demo.example' });
    await runQueuedJobs(test.db);
    const path = new URL(linkIn(readableText((await latestMail())!))!).pathname;
    await test.db.updateTable('one_time_token').set({ expires_at: new Date(Date.now() - 1000) }).where('purpose', '=', 'password_reset').where('used_at', 'is', null).execute();
    expect(pageText((await client.get(path)).text)).toContain('This link has expired or has been used');
  });
});

describe('the job queue sends what the outbox holds', () => {
  const test = useTestDatabase();

  it('delivers a queued message once, and records a failure for retry', async () => {
    const sent: string[] = [];
    const transport: MailTransport = { kind: 'smtp', send: async (message) => void sent.push(message.to) };
    const id = await test.db.transaction().execute((trx) => queueMail(trx, { to: 'someone@demo.example', subject: 'Hello', text: 'Body', kind: 'test' }));
    const runner = await startJobRunner(test.db, transport);
    try {
      await expect.poll(async () => (await test.db.selectFrom('outbox_message').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, { timeout: 15_000 }).toBe('sent');
    } finally {
      await runner.stop();
    }
    expect(sent).toEqual(['someone@demo.example']);
    expect(await deliverMessage(test.db, id, transport)).toBe('already-sent');

    const failing: MailTransport = { kind: 'smtp', send: async () => Promise.reject(new Error('mail server unreachable')) };
    const second = await queueMail(test.db, { to: 'other@demo.example', subject: 'Hi', text: 'Body', kind: 'test' });
    await expect(deliverMessage(test.db, second, failing)).rejects.toThrow('mail server unreachable');
    expect(await test.db.selectFrom('outbox_message').select(['status', 'attempts', 'last_error']).where('id', '=', second).executeTakeFirstOrThrow()).toEqual({
      status: 'pending',
      attempts: 1,
      last_error: 'mail server unreachable',
    });
  });

  it('queues nothing when the change it belongs to rolls back', async () => {
    const before = await test.db.selectFrom('outbox_message').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(
      test.db.transaction().execute(async (trx) => {
        await queueMail(trx, { to: 'x@demo.example', subject: 'S', text: 'T', kind: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await test.db.selectFrom('outbox_message').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
