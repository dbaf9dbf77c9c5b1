/**
 * What a node says about its record at one moment, as one set of strings: the box draws them
 * and the node's accessible name speaks them, so the pixels and the name cannot disagree.
 * Numbers come from memory only while the record is there and shown; a faded box says why it
 * has none instead of showing numbers that are not in memory.
 */
import { OP_INFO, gradientAt, hex, valueAt } from '../../core';
import { nodeTitle } from './geometry';
import { formatNumber as f } from './numberFormat';
import type { PaintContext } from './paintContext';
import type { GraphNode } from './spec';

/** Why a faded box shows no numbers. */
export const NOT_IN_MEMORY = 'not in memory';
/** Forward pushed the record (the whole pass runs at once); the screen has not revealed it yet. */
export const NOT_REVEALED = 'not revealed';

/** A gradient the learner is asked to predict first (predict mode). */
export const GRADIENT_HIDDEN = 'g ?';

/** Where a node's record stands now. */
export type NodeState = 'live' | 'unrevealed' | 'absent';

/** The two texts of a box's second line and the state they come from. */
export interface NodeReading {
  readonly state: NodeState;
  /** Left: the value (`old→new` during the update), or why there is none. */
  readonly value: string;
  /** Right: `g` and the gradient, or '' (a faded box; a weight during the update). */
  readonly gradient: string;
}

/** Whether the record is in memory and revealed (model records always are). */
export function stateOf(node: GraphNode, context: PaintContext): NodeState {
  if (node.arena === 'model') return 'live';
  const k = node.tapeIndex;
  if (k >= context.liveFrom && k < context.liveTo) return 'live';
  if (k >= context.liveFrom && k < context.pushedTo) return 'unrevealed';
  return 'absent';
}

/** What the box of `node` shows now (three significant digits; the chain-rule panel has four). */
export function nodeReading(node: GraphNode, context: PaintContext): NodeReading {
  const state = stateOf(node, context);
  if (state === 'absent') return { state, value: NOT_IN_MEMORY, gradient: '' };
  if (state === 'unrevealed') return { state, value: NOT_REVEALED, gradient: '' };
  const v = valueAt(context.memory, node.address);
  // During the update a weight shows old → new; its gradient steps aside (the panel lists it).
  const before = node.arena === 'model' ? context.updatedFrom?.get(node.address) : undefined;
  if (before !== undefined) return { state, value: `${f(before, 3)}→${f(v, 3)}`, gradient: '' };
  if (context.gradientHidden?.(node.address))
    return { state, value: Number.isNaN(v) ? '—' : f(v, 3), gradient: GRADIENT_HIDDEN };
  const g = gradientAt(context.memory, node.address);
  return {
    state,
    value: Number.isNaN(v) ? '—' : f(v, 3),
    gradient: `g ${Number.isNaN(g) ? '—' : f(g, 3)}`,
  };
}

/**
 * What a screen reader says for a node: first the box's own text as drawn (its title line, then
 * the second line), so the name contains what is seen (WCAG 2.5.3); then what the record is.
 */
export function nodeName(node: GraphNode, reading: NodeReading): string {
  const info = OP_INFO[node.op];
  const what =
    node.kind === 'neuron'
      ? 'collapsed neuron'
      : node.op === 0
        ? node.arena === 'model'
          ? 'weight'
          : 'input or constant'
        : `${info?.name ?? 'record'} (${info?.forward ?? ''})`;
  const seen = [nodeTitle(node), reading.value, reading.gradient].filter(Boolean).join(' ');
  let numbers: string;
  if (reading.state === 'absent') numbers = 'no numbers: the record is not in memory';
  else if (reading.state === 'unrevealed')
    numbers = 'no numbers: forward pushed it, it is not revealed yet';
  else {
    numbers = `value ${reading.value}`;
    if (reading.gradient === GRADIENT_HIDDEN)
      numbers += ', gradient hidden: your turn to predict it';
    else if (reading.gradient) numbers += `, gradient ${reading.gradient.slice(2)}`;
  }
  return `${seen}: ${what}, ${numbers}, ${node.arena} arena at ${hex(node.address)}`;
}
