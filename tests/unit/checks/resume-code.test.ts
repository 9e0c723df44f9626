import { describe, expect, it } from 'vitest';
import { optionsOf } from '../../../modules/checks/definition';
import { CHECKS } from '../../../modules/checks/index';
import { onlineViewing } from '../../../modules/checks/online-viewing';
import { createResumeCodec, formatCode, generateResumeKeys, normaliseCode, parseResumeKeys, ResumeKeyError } from '../../../modules/checks/resume-code';
import { someoneElse } from '../../../modules/checks/someone-else';

const keys = parseResumeKeys(`${generateResumeKeys(7)},${generateResumeKeys(3)}`);
const codec = createResumeCodec(keys);
const answers = { what_viewed: ['images_under_18', 'ai_or_drawn'], youngest: 'under_13', how_often: 'every_day', how_you_feel: 10, contact_with_children: ['prefer_not_to_say'] };

describe('resume codes', () => {
  it('round-trip the answers of every check, including scales at their ends', () => {
    expect(codec.decode(onlineViewing, codec.encode(onlineViewing, answers))).toEqual({ ok: true, answers });
    expect(codec.decode(onlineViewing, codec.encode(onlineViewing, { how_you_feel: 0 }))).toEqual({ ok: true, answers: { how_you_feel: 0 } });
    for (const check of Object.values(CHECKS)) {
      expect(codec.decode(check, codec.encode(check, {}))).toEqual({ ok: true, answers: {} });
    }
  });

  it('are letters and digits in groups of four, with no I, L, O or U', () => {
    const code = codec.encode(onlineViewing, answers);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{1,4} )*[0-9A-HJKMNP-TV-Z]{1,4}$/);
  });

  it('are at most 18 characters for every check, where the first format took 47', () => {
    for (const check of Object.values(CHECKS)) {
      const full = Object.fromEntries(check.questions.map((q) => [q.id, q.type === 'scale' ? (q.max ?? 10) : q.type === 'multiple' ? optionsOf(q).slice(0, 2) : optionsOf(q).at(-1)!]));
      expect(codec.encode(check, full).replace(/ /g, '').length, check.id).toBeLessThanOrEqual(18);
    }
  });

  it('give the same answers on the same day the same code, and different answers a different one', () => {
    expect(codec.encode(onlineViewing, answers)).toBe(codec.encode(onlineViewing, answers));
    expect(codec.encode(onlineViewing, answers)).not.toBe(codec.encode(onlineViewing, { ...answers, youngest: 'age_13_15' }));
  });

  it('still open a code of the first, longer format until it expires', () => {
    // Made on 2026-11-23 by the first format, under key 5 (32 bytes of 7).
    const first = '0NDH K86Y 07R3 SB16 67YE E70Y VSJW YASB 9S3Y VXRZ G9YZ C1G';
    const key = parseResumeKeys(`5:${Buffer.alloc(32, 7).toString('base64')}`);
    const made = new Date('2026-11-23T10:00:00Z');
    expect(createResumeCodec(key, () => made).decode(onlineViewing, first)).toEqual({ ok: true, answers });
    expect(createResumeCodec(key, () => new Date(made.getTime() + 31 * 86_400_000)).decode(onlineViewing, first)).toEqual({ ok: false, reason: 'expired' });
    expect(createResumeCodec(key, () => made).decode(onlineViewing, first.replace('VSJW', 'VSJX'))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('accept what a person types: lower case, dashes, and look-alike letters', () => {
    const code = codec.encode(onlineViewing, answers);
    const typed = code.toLowerCase().replace(/ /g, '-').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(codec.decode(onlineViewing, typed)).toEqual({ ok: true, answers });
    expect(normaliseCode(' ab-cd ')).toBe('ABCD');
    expect(formatCode('ABCDEFGHJ')).toBe('ABCD EFGH J');
  });

  it('refuse a tampered code', () => {
    const code = codec.encode(onlineViewing, answers).replace(/ /g, '');
    for (let at = 0; at < code.length; at += 1) {
      const changed = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
      expect(codec.decode(onlineViewing, changed)).toEqual({ ok: false, reason: 'unreadable' });
    }
    expect(codec.decode(onlineViewing, code.slice(0, -3))).toEqual({ ok: false, reason: 'unreadable' });
    expect(codec.decode(onlineViewing, 'not a code at all!')).toEqual({ ok: false, reason: 'unreadable' });
    expect(codec.decode(onlineViewing, '')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('only open the check they were made for', () => {
    expect(codec.decode(someoneElse, codec.encode(onlineViewing, answers))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('still open with an older key after the keys are rotated, and not with an unknown key', () => {
    const old = createResumeCodec([keys[1]!]);
    expect(codec.decode(onlineViewing, old.encode(onlineViewing, answers))).toEqual({ ok: true, answers });
    const stranger = createResumeCodec(parseResumeKeys(generateResumeKeys(9)));
    expect(codec.decode(onlineViewing, stranger.encode(onlineViewing, answers))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('expire after 30 days', () => {
    const day = 86_400_000;
    const made = new Date('2026-11-23T10:00:00Z');
    const code = createResumeCodec(keys, () => made).encode(onlineViewing, answers);
    expect(createResumeCodec(keys, () => new Date(made.getTime() + 30 * day)).decode(onlineViewing, code)).toEqual({ ok: true, answers });
    expect(createResumeCodec(keys, () => new Date(made.getTime() + 31 * day)).decode(onlineViewing, code)).toEqual({ ok: false, reason: 'expired' });
    // Only five bits of the day travel: a code many weeks old is still known as expired.
    for (const days of [32, 45, 63, 64, 200]) {
      expect(createResumeCodec(keys, () => new Date(made.getTime() + days * day)).decode(onlineViewing, code), `${days} days`).toEqual({ ok: false, reason: 'expired' });
    }
  });

  it('refuse badly written keys with a clear message', () => {
    expect(() => parseResumeKeys('1:short')).toThrow(ResumeKeyError);
    expect(() => parseResumeKeys('')).toThrow(ResumeKeyError);
    expect(() => parseResumeKeys(`300:${Buffer.alloc(32).toString('base64')}`)).toThrow(ResumeKeyError);
  });
});
