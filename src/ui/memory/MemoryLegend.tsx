/** What the colours and marks of the memory view mean. */
import { LEGEND, palette } from '../../viz/memory/memoryPalette';
import { TermText } from '../glossary/TermText';

const MARKS: readonly { label: string; color: string; glyph: string; title: string }[] = [
  { label: 'top', color: palette.bumpPointer, glyph: '▼', title: 'the bump pointer' },
  { label: 'high-water', color: palette.highWater, glyph: '▲', title: 'the most bytes ever used' },
  { label: 'mark', color: palette.checkpoint, glyph: '⚑', title: 'an open checkpoint' },
  { label: 'backward', color: palette.cursor, glyph: '□', title: 'the node backward just visited' },
];

const TITLES: Readonly<Record<string, string>> = {
  model: 'a Value record in the model arena (weights, biases)',
  scratch: 'a Value record in the scratch arena (inputs, intermediates)',
  visited: 'a scratch record the backward sweep has visited',
  pointers: 'an array of 4-byte Value* pushed with pushArray (a neuron’s weights)',
  padding: 'bytes skipped so the next record starts 8-byte aligned',
  free: 'above the bump pointer',
  poison: 'freed bytes overwritten with 0xdd (debug mode)',
};

/** The legend line under the memory view. */
export function MemoryLegend() {
  return (
    <p className="memory-legend">
      {LEGEND.map((entry) => (
        <span key={entry.label} title={TITLES[entry.label]}>
          <i style={{ background: entry.css ?? entry.color }} />
          <TermText text={entry.label} />
        </span>
      ))}
      {MARKS.map((mark) => (
        <span key={mark.label} title={mark.title}>
          <b style={{ color: mark.color }}>{mark.glyph}</b>
          <TermText text={mark.label} />
        </span>
      ))}
    </p>
  );
}
