/**
 * The memory view's one way to draw a label: it sets the canvas font by its size in CSS pixels
 * and remembers the smallest size it actually drew text at, so the view can tell (a data
 * attribute on its canvas) how small its labels are, from the draw calls themselves.
 */

/** The labels' font family: monospace, so addresses and hex bytes line up. */
const FAMILY = 'ui-monospace, monospace';

/** Draws labels on a 2D context and keeps the smallest size drawn since `reset()`. */
export class TextPen {
  /** Smallest font size text was drawn at since the last reset (Infinity: no text drawn). */
  smallest = Infinity;
  /** How many labels were drawn since the last reset. */
  count = 0;
  private px = 0;

  constructor(readonly ctx: CanvasRenderingContext2D) {}

  /** Forgets what was drawn (call at the start of a frame). */
  reset(): void {
    this.smallest = Infinity;
    this.count = 0;
  }

  /** Sets the font for the labels that follow: `px` CSS pixels, bold or not. */
  font(px: number, bold = false): void {
    this.px = px;
    this.ctx.font = `${bold ? 'bold ' : ''}${px}px ${FAMILY}`;
  }

  /** Draws `text` at (x, y) in the current font and fill style. */
  text(text: string, x: number, y: number): void {
    this.ctx.fillText(text, x, y);
    this.count++;
    if (this.px < this.smallest) this.smallest = this.px;
  }
}
