import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { ResumeCodec } from '../modules/checks/resume-code';

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    db: Db;
    /** Makes and reads self-check "continue later" codes. */
    resumeCodec: ResumeCodec;
    logger: Logger;
    /** The Content-Security-Policy nonce of this response. */
    cspNonce: string;
  }
}
