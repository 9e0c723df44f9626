import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { ResumeCodec } from '../modules/checks/resume-code';
import type { BodyProblem } from './request-body';

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    db: Db;
    /** Makes and reads self-check "continue later" codes. */
    resumeCodec: ResumeCodec;
    logger: Logger;
    /** The Content-Security-Policy nonce of this response. */
    cspNonce: string;
    /**
     * The network address of the request. Read only by the staff sign-in throttle,
     * which keeps it hashed in short-lived rows; never logged, never stored elsewhere.
     */
    clientAddress: () => string;
    /** Whether mail goes to SMTP or stays in the development mailbox. */
    mailTransportKind: 'smtp' | 'mailbox';
    /** Set only when a posted body was refused before any route saw it (server/request-body.ts). */
    formProblem?: { status: 400 | 413 | 415; problem: BodyProblem };
  }
}
