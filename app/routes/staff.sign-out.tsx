import { redirect } from '~/server/redirect.server';
import { signOutAction } from '~/server/staff-sign-in.server';

export const loader = () => redirect('/staff/account');

/** Signs out of this device, or (with scope=everywhere) of every device. */
export const action = signOutAction;
