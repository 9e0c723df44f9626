import type { Logger } from 'pino';
import type { Db } from '../db/connection';

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    db: Db;
    logger: Logger;
    /** The Content-Security-Policy nonce of this response. */
    cspNonce: string;
  }
}
