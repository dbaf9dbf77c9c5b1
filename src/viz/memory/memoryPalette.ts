/**
 * Colours of the memory view, from the Okabe–Ito set so that every kind stays distinguishable
 * for colour-blind viewers. Model and scratch records use the graph's arena hues (styles.css).
 */
import { CellKind } from '../../core/inspect';

export const palette = {
  background: '#ffffff',
  gutterText: '#5b6270',
  headerText: '#1f2430',
  grid: '#ffffff',
  /** Model and scratch records: the same hues as the graph's arena colours. */
  modelRecord: '#e69f00',
  scratchRecord: '#0072b2',
  /** Scratch records the backward sweep has already visited. */
  visitedRecord: '#003f63',
  pointers: '#009e73',
  padding: '#cc79a7',
  free: '#eceef2',
  /** Freed bytes holding the debug poison pattern: black stripes, a colour no arena uses. */
  poison: '#1b1b1b',
  /** Background of the poison stripes. */
  poisonBack: '#d9d9d9',
  /** Bytes pushed by a step but not yet shown by the forward animation. */
  bumpPointer: '#111111',
  highWater: '#8c1c13',
  checkpoint: '#7a3db8',
  /** The node backward visits next: the graph's "current" colour. */
  cursor: '#d55e00',
  selected: '#111111',
  hovered: '#56b4e9',
  arrow: '#111111',
  byteText: '#ffffff',
  freeText: '#9aa1ad',
} as const;

/** Fill colour of a run of `kind` in a region of `role`. */
export function kindColor(kind: CellKind, role: 'model' | 'scratch'): string {
  switch (kind) {
    case CellKind.Record:
      return role === 'model' ? palette.modelRecord : palette.scratchRecord;
    case CellKind.Pointers:
      return palette.pointers;
    case CellKind.Padding:
      return palette.padding;
    case CellKind.Poison:
      return palette.poison;
    default:
      return palette.free;
  }
}

/** Legend entries, in the order the panel lists them. */
export const LEGEND: readonly { label: string; color: string; css?: string }[] = [
  { label: 'model', color: palette.modelRecord },
  { label: 'scratch', color: palette.scratchRecord },
  { label: 'visited', color: palette.visitedRecord },
  { label: 'pointers', color: palette.pointers },
  { label: 'padding', color: palette.padding },
  { label: 'free', color: palette.free },
  {
    label: 'poison',
    color: palette.poison,
    css: `repeating-linear-gradient(135deg, ${palette.poison} 0 2px, ${palette.poisonBack} 2px 4px)`,
  },
];

const poisonPatterns = new WeakMap<CanvasRenderingContext2D, CanvasPattern | string>();

/**
 * Freed bytes holding the poison pattern: diagonal stripes, so they read as garbage and never as
 * records (a flat colour in browsers without pattern support).
 */
export function poisonFill(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const cached = poisonPatterns.get(ctx);
  if (cached !== undefined) return cached;
  let fill: CanvasPattern | string = palette.poison;
  if (typeof document !== 'undefined') {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 6;
    const t = tile.getContext('2d');
    if (t !== null) {
      t.fillStyle = palette.poisonBack;
      t.fillRect(0, 0, 6, 6);
      t.strokeStyle = palette.poison;
      t.lineWidth = 1.5;
      t.beginPath();
      t.moveTo(-1, 7);
      t.lineTo(7, -1);
      t.moveTo(5, 7);
      t.lineTo(7, 5);
      t.moveTo(-1, 1);
      t.lineTo(1, -1);
      t.stroke();
      fill = ctx.createPattern(tile, 'repeat') ?? fill;
    }
  }
  poisonPatterns.set(ctx, fill);
  return fill;
}
