import { describe, expect, it } from 'vitest';
import { compareBackwards } from '../../../src/core';
import { GUIDE_BUG_PROGRAM } from '../../../src/ui/compare/GuideBackwardPanel';
import { gradePrediction } from '../../../src/ui/compare/predictionVerdict';

describe('the guide backward’s prediction', () => {
  const run = compareBackwards(GUIDE_BUG_PROGRAM, 0);
  const grade = (text: string) => gradePrediction(text, run.tape, run.guideGrad);

  it('is asked about numbers the engine gives: the tape 4, the guide 8', () => {
    expect([run.tape, run.guideGrad]).toEqual([4, 8]);
  });

  it('grades the tape’s value right, the guide’s as the guide’s, anything else wrong', () => {
    expect(grade('4')).toEqual({ ok: true, prediction: { kind: 'right', given: '4' } });
    expect(grade(' 8/2 ')).toEqual({ ok: true, prediction: { kind: 'right', given: '8/2' } });
    expect(grade('8')).toEqual({ ok: true, prediction: { kind: 'guide', given: '8' } });
    expect(grade('2')).toEqual({ ok: true, prediction: { kind: 'wrong', given: '2' } });
    expect(grade('−4')).toEqual({ ok: true, prediction: { kind: 'wrong', given: '−4' } });
  });

  it('says what it cannot read, with the parser’s words', () => {
    expect(grade('')).toEqual({ ok: false, message: 'Type a number.' });
    const comma = grade('4,0');
    expect(comma.ok).toBe(false);
    if (!comma.ok) expect(comma.message).toMatch(/decimal point/);
  });
});
