/** The anonymous side's POSTs: a step in a self-check, and a plan made into a PDF. */
import { measure, type Measurement, type RunningProcess } from '../support';

const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

export async function benchCheckStep(site: RunningProcess): Promise<{ rows: Measurement[]; notes: string[] }> {
  // Half-way through a check: five answers carried, the sixth being given.
  const body = new URLSearchParams([
    ['a:what_viewed', 'images_under_18'],
    ['a:youngest', 'age_13_15'],
    ['a:how_often', 'every_week'],
    ['a:how_long', 'months'],
    ['a:changed', 'not_changed'],
    ['question', 'tried_to_stop'],
    ['intent', 'answer'],
    ['response', 'tried_keep_going_back'],
  ]).toString();
  const step = await measure('POST /checks/online-viewing (a question step)', `${site.baseUrl}/checks/online-viewing`, { method: 'POST', body, headers: form });
  return { rows: [step], notes: [] };
}

export async function benchPlanPdf(site: RunningProcess): Promise<{ rows: Measurement[]; notes: string[] }> {
  const body = new URLSearchParams([
    ['triggers', 'Sunday nights alone'],
    ['triggers', 'Arguments at home'],
    ['warning_signs', 'Staying up past midnight'],
    ['instead', 'Phone my brother'],
    ['people', 'My GP'],
    ['device_changes', 'Filter on the laptop'],
    ['routine_changes', 'Gym on Sunday evenings'],
    ['reasons', 'For my daughter, and for me.'],
  ]).toString();
  const pdf = await measure('POST /self-help/my-plan-for-change/my-plan/pdf', `${site.baseUrl}/self-help/my-plan-for-change/my-plan/pdf`, { method: 'POST', body, headers: form });
  return { rows: [pdf], notes: [] };
}
