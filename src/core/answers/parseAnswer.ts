/**
 * Reading and grading a learner's typed answer: a number (`2.5`, `-3`, `1e-3`, the Unicode minus
 * `−3`, a fraction `-5/2`) or, for an address, hex (`0x100010`) or decimal. Pure: the tour's
 * questions and predict mode grade with the same rules, and say the same short thing about what
 * they cannot read.
 */

/** What a typed answer stands for. */
export type AnswerKind = 'number' | 'address';

/** A typed answer, read: its number, or why it could not be read. */
export type ParsedAnswer =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Longest text read as an answer; anything longer is refused before it is looked at. */
export const MAX_ANSWER_LENGTH = 64;
/** Characters of an unreadable answer echoed back in its message. */
const ECHO_LENGTH = 24;
/** Relative and absolute tolerance of {@link gradeNumber}. */
export const RELATIVE_TOLERANCE = 1e-3;
export const ABSOLUTE_TOLERANCE = 1e-9;

/** Minus signs people type or paste: the Unicode minus, dashes, the small and full-width hyphen-minus. */
const MINUS_SIGNS = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const HEX = /^\+?0x[0-9a-f]+$/i;

/** `text`, cut to {@link ECHO_LENGTH} characters with an ellipsis, in quotes. */
function echo(text: string): string {
  const shown = text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text;
  return `“${shown}”`;
}

const fail = (message: string): ParsedAnswer => ({ ok: false, message });

/** A finite number from a decimal literal, or a message. */
function decimal(text: string, whole: string): ParsedAnswer {
  if (!DECIMAL.test(text)) {
    if (/^[+-]?\d+,\d+$/.test(text))
      return fail(`No commas, please: a decimal point (2.5) and no thousands separator (1000).`);
    return fail(`Cannot read ${echo(whole)} as a number: try 2.5, -3, 1e-3 or -5/2.`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return fail(`${echo(whole)} is too large a number.`);
  return { ok: true, value };
}

/**
 * Reads a typed answer. Numbers: decimals with an optional exponent, a minus typed as `-` or `−`,
 * fractions `p/q` (spaces allowed around the slash). Addresses (`kind: 'address'`): a whole
 * number of bytes, hex with `0x` or decimal. Never throws: what it cannot read it says why, in
 * one short sentence that echoes at most a few characters of the text.
 */
export function parseAnswer(text: string, kind: AnswerKind = 'number'): ParsedAnswer {
  if (text.length > MAX_ANSWER_LENGTH)
    return fail(`That is ${text.length} characters: an answer is a short number.`);
  const whole = text.trim();
  if (whole === '') return fail(kind === 'address' ? 'Type an address.' : 'Type a number.');
  const plain = whole
    .replace(MINUS_SIGNS, '-')
    .replace(/\s*\/\s*/g, '/')
    .replace(/^([+-])\s+/, '$1');
  if (kind === 'address') return address(plain, whole);
  if (HEX.test(plain) || /^-0x/i.test(plain))
    return fail(`${echo(whole)} is hex, an address: this asks for a number.`);
  const parts = plain.split('/');
  if (parts.length > 2) return fail(`Cannot read ${echo(whole)}: one slash at most, as in -5/2.`);
  if (parts.length === 1) return decimal(plain, whole);
  const [top, bottom] = parts.map((part) => decimal(part, whole));
  if (!top.ok) return top;
  if (!bottom.ok) return bottom;
  if (bottom.value === 0) return fail(`${echo(whole)} divides by zero.`);
  const value = top.value / bottom.value;
  if (!Number.isFinite(value)) return fail(`${echo(whole)} is too large a number.`);
  return { ok: true, value };
}

/** An address: hex or decimal, a whole number of bytes, not negative. */
function address(plain: string, whole: string): ParsedAnswer {
  if (plain.startsWith('-')) return fail('An address is never negative.');
  if (HEX.test(plain)) {
    const value = Number(plain.replace(/^\+/, ''));
    return Number.isSafeInteger(value) ? { ok: true, value } : fail('That address is too large.');
  }
  if (/^0x/i.test(plain)) return fail(`Cannot read ${echo(whole)}: hex digits are 0–9 and a–f.`);
  const read = decimal(plain, whole);
  if (!read.ok) return fail(`Cannot read ${echo(whole)} as an address: try 0x100010 or 1048592.`);
  if (!Number.isSafeInteger(read.value))
    return fail('An address is a whole number of bytes, like 0x100010.');
  return read;
}

/**
 * Whether `answer` is `truth` within {@link RELATIVE_TOLERANCE} of it, or within
 * {@link ABSOLUTE_TOLERANCE} (for a truth at or near zero). Not-a-number is never right.
 */
export function gradeNumber(answer: number, truth: number): boolean {
  if (!Number.isFinite(answer) || !Number.isFinite(truth)) return answer === truth;
  const error = Math.abs(answer - truth);
  return error <= ABSOLUTE_TOLERANCE || error <= RELATIVE_TOLERANCE * Math.abs(truth);
}

/** Whether an address answer is right: addresses are exact, to the byte. */
export function gradeAddress(answer: number, truth: number): boolean {
  return answer === truth;
}
