import { sessionInviteLoader } from '~/server/session-page.server';

/** A session's calendar invite (.ics): its worker, the case's allocated worker or a CHOICE manager only; audited. */
export const loader = sessionInviteLoader;
