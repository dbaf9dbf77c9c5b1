/**
 * Reading one parameter's text as a value: a result that is the value or the reason it was
 * refused, in the few words the URL note shows. Shared by the codec and its parameter modules.
 */

/** A parameter's value, or why it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A refusal with `reason`. */
export const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A plain decimal number, as `String(x)` writes one (no hex, no `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite decimal number within `range` (inclusive). */
export function number(value: string, range: { min: number; max: number }): Parsed<number> {
  const text = value.trim();
  if (text === '') return fail('empty');
  if (/^[+-]?(infinity|nan)$/i.test(text)) return fail('not finite');
  if (!DECIMAL.test(text)) return fail('not a number');
  const x = Number(text);
  if (!Number.isFinite(x)) return fail('not finite');
  if (x < range.min || x > range.max) return fail(`out of range ${range.min} to ${range.max}`);
  return { ok: true, value: x };
}

/** A whole number within `range` (inclusive). */
export function integer(value: string, range: { min: number; max: number }): Parsed<number> {
  const x = number(value, range);
  if (!x.ok) return x;
  if (!Number.isInteger(x.value)) return fail('not a whole number');
  return x;
}

/** One of `allowed`, exactly. */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): Parsed<T> {
  if ((allowed as readonly string[]).includes(value)) return { ok: true, value: value as T };
  return fail(
    value === '' ? `empty; one of ${allowed.join(', ')}` : `not one of ${allowed.join(', ')}`,
  );
}

/** `text` cut to `max` characters (with an ellipsis), to echo user input in a reason. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
