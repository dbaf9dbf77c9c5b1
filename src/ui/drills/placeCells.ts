import { POINTER_SIZE } from '../../core/recordLayout';
import { pushShape, type PlaceStep } from '../../core/drills';

/** Cells of the place drill's grid: one per pointer-sized word. */
export const CELL_BYTES = POINTER_SIZE;
/** Cells to a row: 32 bytes a row (a record's width). */
export const ROW_CELLS = 8;
/** A window this narrow (a phone) gets half as many cells a row; drills.css says the same. */
export const FOUR_CELLS_QUERY = '(max-width: 520px)';

/** What one cell holds, as the grid says it (words, not colour alone). */
export interface Cell {
  readonly address: number;
  readonly kind: 'free' | 'record' | 'pointers' | 'padding';
  /** Shown in the cell: the push's name on its first cell, else ''. */
  readonly text: string;
  /** The push that covers it, or ''. */
  readonly owner: string;
}

/**
 * The cells of `steps[shown]`'s arena, from its base to a row past its drill's last push, with
 * the first `placed` pushes (those in that arena) filled in and the padding before each marked.
 */
export function cellsFor(steps: readonly PlaceStep[], shown: number, placed: number): Cell[] {
  const arena = steps[shown].arena;
  const mine = steps.filter((s) => s.arena === arena);
  const base = steps[shown].base;
  const last = mine[mine.length - 1];
  const rowBytes = CELL_BYTES * ROW_CELLS;
  const end =
    base + Math.ceil((last.address + pushShape(last.push).size - base) / rowBytes + 1) * rowBytes;
  const cells: Cell[] = [];
  for (let a = base; a < end; a += CELL_BYTES) {
    cells.push({ address: a, kind: 'free', text: '', owner: '' });
  }
  steps.slice(0, placed).forEach((s) => {
    if (s.arena !== arena) return;
    const size = pushShape(s.push).size;
    const kind = s.push.kind === 'record' ? 'record' : 'pointers';
    for (let a = s.top; a < s.address; a += CELL_BYTES)
      cells[(a - base) / CELL_BYTES] = { address: a, kind: 'padding', text: 'pad', owner: '' };
    for (let a = s.address; a < s.address + size; a += CELL_BYTES)
      cells[(a - base) / CELL_BYTES] = {
        address: a,
        kind,
        text: a === s.address ? s.name : '',
        owner: s.name,
      };
  });
  return cells;
}
