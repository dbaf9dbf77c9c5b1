import { describe, expect, it } from 'vitest';
import { CODE_BACKGROUNDS, CODE_COLOURS } from '../../src/ui/code/codeLook';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the code views’ colours', () => {
  it('WCAG contrast: the CSS colours are #rrggbb (what the test reads)', () => {
    for (const colour of [...Object.values(CODE_COLOURS), ...CODE_BACKGROUNDS])
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it.each(Object.entries(CODE_COLOURS))(
    '%s (%s) is ≥ 4.5:1 on every code background',
    (_, colour) => {
      for (const background of CODE_BACKGROUNDS)
        expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(
          4.5,
        );
    },
  );
});
