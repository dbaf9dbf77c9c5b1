import type { SVGProps } from 'react';
import { TermText } from './glossary/TermText';
import { PALETTE } from '../viz/palette';

/** One legend entry: a node-shaped swatch (a rect drawn as the graph draws it) and its meaning. */
function Swatch({ label, ...rect }: { label: string } & SVGProps<SVGRectElement>) {
  return (
    <span className="legend-item">
      <svg width="22" height="14" aria-hidden="true">
        <rect x="1.5" y="1.5" width="19" height="11" rx="1" fill="none" {...rect} />
      </svg>
      <TermText text={label} />
    </span>
  );
}

/** What the colours and shapes of the graph mean. */
export function Legend() {
  return (
    <div className="legend" aria-label="legend">
      <Swatch
        label="model arena: persists"
        rx="5"
        fill={PALETTE.modelFill}
        stroke={PALETTE.model}
        strokeWidth="2.5"
      />
      <Swatch
        label="scratch arena: freed each step"
        fill={PALETTE.scratchFill}
        stroke={PALETTE.scratch}
        strokeWidth="1.5"
      />
      <Swatch
        label="backward is here"
        x="2"
        y="2"
        width="18"
        height="10"
        stroke={PALETTE.current}
        strokeWidth="3"
      />
      <span className="legend-item">
        <svg width="30" height="14" aria-hidden="true">
          <line x1="1" y1="4" x2="29" y2="4" stroke={PALETTE.positive} strokeWidth="3" />
          <line x1="1" y1="11" x2="29" y2="11" stroke={PALETTE.negative} strokeWidth="1.5" />
        </svg>
        <TermText text="gradient flow ±, width = size" />
      </span>
      <Swatch
        label="faded: not in memory / not revealed"
        stroke={PALETTE.scratch}
        strokeDasharray="3 2"
        opacity="0.5"
      />
    </div>
  );
}
