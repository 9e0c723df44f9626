import { describe, expect, it } from 'vitest';
import { loader } from '../../app/routes/healthz';
import { connect } from '../../db/connection';
import { useTestDatabase } from '../support/database';

const call = (db: Parameters<typeof loader>[0]['context']['db']) =>
  loader({ request: new Request('http://localhost/healthz'), params: {}, context: { db } as never });

describe('/healthz', () => {
  const test = useTestDatabase();

  it('answers 200 when the database answers', async () => {
    const response = await call(test.db);
    expect(response.status).toBe(200);
  });

  it('answers 503 when the database does not', async () => {
    const unreachable = connect('postgres://nobody:nothing@127.0.0.1:1/none', { max: 1 });
    const response = await call(unreachable);
    expect(response.status).toBe(503);
    await unreachable.destroy();
  });
});
