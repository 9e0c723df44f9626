import { describe, expect, it } from 'vitest';
import { caseActionForm, caseEventFrom } from '../../../modules/referrals/case-actions';
import { refusalMessage } from '../../../modules/referrals/case-steps';

const parse = (fields: Record<string, unknown>) => caseActionForm.safeParse(fields);
const message = (fields: Record<string, unknown>) => {
  const result = parse(fields);
  return result.success ? null : result.error.issues[0]!.message;
};
const WORKER = '8f14e45f-ceea-467f-a0e6-1b2c3d4e5f60';

describe('the case page’s forms', () => {
  it('turns each valid form into the case event it stands for', () => {
    const cases = [
      [{ event: 'START_SCREENING', version: '3' }, { type: 'START_SCREENING' }],
      [{ event: 'REQUEST_INFORMATION', version: '3', request: '  The charge sheet.  ' }, { type: 'REQUEST_INFORMATION', request: 'The charge sheet.' }],
      [{ event: 'PROVIDE_INFORMATION', version: '3', response: 'Attached.' }, { type: 'PROVIDE_INFORMATION', response: 'Attached.' }],
      [{ event: 'DECLINE', version: '3', reason: 'A contact offence.', confirmDecline: 'yes' }, { type: 'DECLINE', reason: 'A contact offence.' }],
      [{ event: 'ACCEPT', version: '3' }, { type: 'ACCEPT' }],
      [{ event: 'ALLOCATE', version: '3', workerId: WORKER.toUpperCase() }, { type: 'ALLOCATE', workerId: WORKER }],
      [{ event: 'CLOSE', version: '3', outcome: 'Referrer told.' }, { type: 'CLOSE', outcome: 'Referrer told.' }],
    ] as const;
    for (const [fields, event] of cases) {
      const result = parse(fields);
      expect(result.success, JSON.stringify(fields)).toBe(true);
      if (result.success) {
        expect(result.data.version).toBe(3);
        expect(caseEventFrom(result.data)).toEqual(event);
      }
    }
  });

  it('says what is missing, about this field', () => {
    expect(message({ event: 'REQUEST_INFORMATION', version: '1', request: '   ' })).toBe('Enter what you need to know from the referrer');
    expect(message({ event: 'PROVIDE_INFORMATION', version: '1' })).toBe('Enter your answer to CHOICE’s request');
    expect(message({ event: 'DECLINE', version: '1', reason: 'Not eligible.' })).toBe('Confirm that you want to decline this referral');
    expect(message({ event: 'ALLOCATE', version: '1', workerId: 'wendy' })).toBe('Select who will work with him');
    expect(message({ event: 'CLOSE', version: '1', outcome: 'x'.repeat(501) })).toBe('The note must be 500 characters or fewer');
    expect(message({ event: 'REQUEST_INFORMATION', version: '1', request: 'a\u0000b' })).toBe('Your request must not contain hidden characters');
  });

  it('refuses a form without a step it knows, or without a version it can read', () => {
    expect(message({ event: 'SUBMIT', version: '1' })).toBe('Choose what to do with this referral');
    expect(message({ event: 'START_PROGRAMME', version: '1' })).toBe('Choose what to do with this referral');
    expect(message({ event: 'COMPLETE', version: '1' })).toBe('Confirm that he has completed the programme');
    expect(message({ event: 'END_EARLY', version: '1', detail: 'He stopped coming.' })).toBe('Select why the programme is ending early');
    expect(message({ event: 'END_EARLY', version: '1', endReason: 'bored', detail: 'x' })).toBe('Select why the programme is ending early');
    expect(message({ event: 'END_EARLY', version: '1', endReason: 'withdrawn', detail: ' ' })).toBe('Enter what happened');
    expect(message({ version: '1' })).toBe('Choose what to do with this referral');
    for (const version of [undefined, '', '-1', '1.5', '1e3', '9999999999', 'one']) expect(message({ event: 'ACCEPT', version })).toBe('This page is out of date. Reload it and try again');
  });

  it('says plainly why a step cannot be taken in a case’s state', () => {
    expect(refusalMessage('declined', 'ACCEPT')).toBe('This referral has already been declined, so it cannot be accepted.');
    expect(refusalMessage('accepted', 'DECLINE')).toBe('This referral has already been accepted, so it cannot be declined.');
    expect(refusalMessage('closed', 'START_SCREENING')).toBe('This referral is closed, so screening cannot start.');
    expect(refusalMessage('allocated', 'ACCEPT')).toBe('This case has already been allocated, so it cannot be accepted.');
  });
});
