/**
 * Reads a number the learner typed as an answer: decimal (`224`, `-0.5`, `1e3`), hexadecimal
 * (`0x4d0`, `0x000004D0`), with a Unicode minus (`−2`) and an optional unit (`224 bytes`,
 * `224 B`). Null when it is not a number. One function, so that a shared answer parser can
 * replace it in one place.
 */
export function parseAnswerNumber(text: string): number | null {
  const plain = text
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\s*(bytes?|B)$/i, '')
    .trim();
  const hex = /^(-?)0x([0-9a-f]+)$/i.exec(plain);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2], 16);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return null;
  return Number(plain);
}
