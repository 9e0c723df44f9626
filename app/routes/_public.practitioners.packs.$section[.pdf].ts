import { packDownloadLoader } from '~/server/practitioners.server';

/** A practitioner pack as a PDF download: signed in, with a confirmed email address, only. */
export const loader = packDownloadLoader;
