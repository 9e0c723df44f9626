import type { ActionFunctionArgs } from '@remix-run/node';
import { downloadPlan } from '~/server/content.server';

/** POST only: the plan the person has just written, as a PDF that is not kept. */
export const action = (args: ActionFunctionArgs) => downloadPlan('self-help', args);
