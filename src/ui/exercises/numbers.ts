import { hex } from '../../core';

/** A number in full (every digit JavaScript prints), with a real minus sign. */
export function fullNumber(x: number): string {
  return String(x).replace('-', '−');
}

/** An address both ways, as the memory view writes it and in decimal. */
export function addressText(x: number): string {
  return `${hex(x)} = ${x}`;
}
