import { describe, expect, it } from 'vitest';
import {
  gradeAddress,
  gradeNumber,
  MAX_ANSWER_LENGTH,
  parseAnswer,
  type ParsedAnswer,
} from '../../../src/core';

const value = (parsed: ParsedAnswer): number => {
  if (!parsed.ok) throw new Error(`not read: ${parsed.message}`);
  return parsed.value;
};
const message = (parsed: ParsedAnswer): string => {
  if (parsed.ok) throw new Error(`read as ${parsed.value}`);
  return parsed.message;
};

describe('parseAnswer: numbers', () => {
  it('reads decimals, signs and exponents', () => {
    expect(value(parseAnswer('2.5'))).toBe(2.5);
    expect(value(parseAnswer('-3'))).toBe(-3);
    expect(value(parseAnswer('+4'))).toBe(4);
    expect(value(parseAnswer('1e-3'))).toBe(0.001);
    expect(value(parseAnswer('2.5E2'))).toBe(250);
    expect(value(parseAnswer('.5'))).toBe(0.5);
    expect(value(parseAnswer('5.'))).toBe(5);
    expect(value(parseAnswer('  0.7071  '))).toBe(0.7071);
  });

  it('reads the Unicode minus and the dashes people paste as a minus', () => {
    expect(value(parseAnswer('\u22123'))).toBe(-3); // −3
    expect(value(parseAnswer('\u20131.5'))).toBe(-1.5); // en dash
    expect(value(parseAnswer('\uFF0D2'))).toBe(-2); // full-width hyphen-minus
    expect(value(parseAnswer('1e\u22123'))).toBe(0.001); // in the exponent too
    expect(value(parseAnswer('- 4'))).toBe(-4); // a space after the sign
  });

  it('reads fractions, with either sign and spaces around the slash', () => {
    expect(value(parseAnswer('-5/2'))).toBe(-2.5);
    expect(value(parseAnswer('1/3'))).toBe(1 / 3);
    expect(value(parseAnswer('\u22125/2'))).toBe(-2.5);
    expect(value(parseAnswer('5/-2'))).toBe(-2.5);
    expect(value(parseAnswer('1 / 4'))).toBe(0.25);
    expect(value(parseAnswer('1.5/0.5'))).toBe(3);
  });

  it('refuses what is not a number, in one short sentence', () => {
    expect(message(parseAnswer(''))).toBe('Type a number.');
    expect(message(parseAnswer('   '))).toBe('Type a number.');
    expect(message(parseAnswer('abc'))).toMatch(/^Cannot read “abc” as a number/);
    expect(message(parseAnswer('Infinity'))).toMatch(/Cannot read/);
    expect(message(parseAnswer('NaN'))).toMatch(/Cannot read/);
    expect(message(parseAnswer('1/0'))).toBe('“1/0” divides by zero.');
    expect(message(parseAnswer('1/2/3'))).toMatch(/one slash at most/);
    expect(message(parseAnswer('1e400'))).toMatch(/too large/);
    expect(message(parseAnswer('1e300/1e-300'))).toMatch(/too large/);
    expect(message(parseAnswer('2,5'))).toMatch(/decimal point/);
    expect(message(parseAnswer('1/x'))).toMatch(/Cannot read “1\/x”/);
    expect(message(parseAnswer('0x10'))).toMatch(/hex, an address/);
    expect(message(parseAnswer('--3'))).toMatch(/Cannot read/);
  });

  it('caps what it echoes, and refuses huge input without reading it', () => {
    const long = 'x'.repeat(60);
    const said = message(parseAnswer(long));
    expect(said).toContain(`“${'x'.repeat(24)}…”`);
    expect(said.length).toBeLessThan(90);
    const huge = '9'.repeat(1_000_000);
    const refused = message(parseAnswer(huge));
    expect(refused).toBe('That is 1000000 characters: an answer is a short number.');
    expect(message(parseAnswer('1'.repeat(MAX_ANSWER_LENGTH + 1)))).toMatch(/characters/);
    expect(value(parseAnswer('1'.repeat(20)))).toBe(Number('1'.repeat(20)));
  });
});

describe('parseAnswer: addresses', () => {
  it('reads hex and decimal, the same address either way', () => {
    expect(value(parseAnswer('0x100010', 'address'))).toBe(1048592);
    expect(value(parseAnswer('0X10001a', 'address'))).toBe(0x10001a);
    expect(value(parseAnswer('1048592', 'address'))).toBe(1048592);
    expect(value(parseAnswer(' +0x20 ', 'address'))).toBe(32);
  });

  it('refuses negative, fractional and malformed addresses', () => {
    expect(message(parseAnswer('', 'address'))).toBe('Type an address.');
    expect(message(parseAnswer('-0x10', 'address'))).toBe('An address is never negative.');
    expect(message(parseAnswer('\u221216', 'address'))).toBe('An address is never negative.');
    expect(message(parseAnswer('0x10g', 'address'))).toMatch(/hex digits/);
    expect(message(parseAnswer('16.5', 'address'))).toMatch(/whole number of bytes/);
    expect(message(parseAnswer('1/2', 'address'))).toMatch(/as an address/);
    expect(message(parseAnswer(`0x${'f'.repeat(20)}`, 'address'))).toMatch(/too large/);
  });
});

describe('gradeNumber: within 1e-3 relative or 1e-9 absolute', () => {
  it('takes an answer just inside the relative tolerance and refuses one just outside', () => {
    expect(gradeNumber(8.007, 8)).toBe(true); // 0.000875 relative
    expect(gradeNumber(8.0081, 8)).toBe(false); // 0.0010125 relative
    expect(gradeNumber(-2.502, -2.5)).toBe(true);
    expect(gradeNumber(2.5, -2.5)).toBe(false); // the sign matters
    expect(gradeNumber(0.7071, Math.SQRT1_2)).toBe(true);
    expect(gradeNumber(0.707, Math.SQRT1_2)).toBe(true);
    expect(gradeNumber(0.706, Math.SQRT1_2)).toBe(false);
  });

  it('uses the absolute tolerance at zero', () => {
    expect(gradeNumber(0, 0)).toBe(true);
    expect(gradeNumber(5e-10, 0)).toBe(true);
    expect(gradeNumber(2e-9, 0)).toBe(false);
    expect(gradeNumber(1e-12, 1e-11)).toBe(true); // relative fails, absolute holds
  });

  it('grades a fraction typed for a repeating decimal', () => {
    expect(gradeNumber(value(parseAnswer('1/3')), 0.3333333333)).toBe(true);
    expect(gradeNumber(value(parseAnswer('0.333')), 1 / 3)).toBe(true);
    expect(gradeNumber(value(parseAnswer('0.33')), 1 / 3)).toBe(false);
  });

  it('never calls not-a-number right', () => {
    expect(gradeNumber(NaN, NaN)).toBe(false);
    expect(gradeNumber(NaN, 1)).toBe(false);
    expect(gradeNumber(1, NaN)).toBe(false);
    expect(gradeNumber(Infinity, 1)).toBe(false);
  });
});

describe('gradeAddress', () => {
  it('is exact to the byte', () => {
    expect(gradeAddress(0x100030, 1048624)).toBe(true);
    expect(gradeAddress(0x100031, 0x100030)).toBe(false);
  });
});
