import { useRef } from 'react';
import layouts from '../../../bench/data/cpp-layouts.json';
import { useAppStore } from '../../store/appStore';
import { useFittingLabels } from './useFittingLabels';

interface Segment {
  label: string;
  bytes: number;
  kind: 'data' | 'pointer' | 'overhead' | 'slack';
}
type Type = (typeof layouts)['after'];

/** Shorter names for narrow segments (the full name stays in the title and for screen readers). */
const SHORT: Record<string, string> = {
  'malloc header': 'hdr',
  'control block': 'ctrl',
  _value: 'val',
  value: 'val',
  _gradient: 'grad',
  gradient: 'grad',
  gradient_func: 'func',
  prev_count: 'n',
  padding: 'pad',
  'prev[0]': 'p0',
  'prev[1]': 'p1',
  unused: '',
};

/** A struct's fields as segments, padding included, from the compiler's offsets. */
function segmentsOf(type: Type, kinds: Record<string, Segment['kind']>): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const f of type.fields) {
    if (f.offset > at) out.push({ label: 'pad', bytes: f.offset - at, kind: 'slack' });
    out.push({ label: f.name, bytes: f.size, kind: kinds[f.name] ?? 'data' });
    at = f.offset + f.size;
  }
  if (type.size > at) out.push({ label: 'pad', bytes: type.size - at, kind: 'slack' });
  return out;
}

const BEFORE_KINDS = { gradient_func: 'overhead', prev: 'pointer' } as const;
const AFTER_KINDS = { prev: 'pointer', gradient_func: 'pointer' } as const;
const RECORD_KINDS = { prev: 'pointer', padding: 'slack', tag: 'overhead' } as const;

const { makeShared, vectorBuffer } = layouts;
const DRAWN: { title: string; total: number; blocks: Segment[][] }[] = [
  {
    title: `Before: make_shared<Value>, one malloc chunk of ${makeShared.chunk} B + the vector's buffer, ${vectorBuffer.chunk} B`,
    total: makeShared.chunk + vectorBuffer.chunk,
    blocks: [
      [
        { label: 'malloc header', bytes: 8, kind: 'slack' },
        { label: 'control block', bytes: makeShared.header, kind: 'overhead' },
        ...segmentsOf(layouts.before, BEFORE_KINDS),
        { label: 'unused', bytes: makeShared.chunk - 8 - makeShared.bytes, kind: 'slack' },
      ],
      [
        { label: 'malloc header', bytes: 8, kind: 'slack' },
        { label: 'prev[0]', bytes: layouts.sharedPtr, kind: 'pointer' },
        { label: 'prev[1]', bytes: layouts.sharedPtr, kind: 'pointer' },
        { label: 'unused', bytes: vectorBuffer.chunk - 8 - vectorBuffer.bytes, kind: 'slack' },
      ],
    ],
  },
  {
    title: `After: the guide's Value in its arena, ${layouts.after.size} B`,
    total: layouts.after.size,
    blocks: [segmentsOf(layouts.after, AFTER_KINDS)],
  },
  {
    title: `arenagrad's record: 32-bit addresses, an op code for the function pointer, ${layouts.record.size} B`,
    total: layouts.record.size,
    blocks: [segmentsOf(layouts.record, RECORD_KINDS)],
  },
];
/** The rows, without segments of 0 bytes (make_shared's chunk has no slack on x86-64). */
const ROWS = DRAWN.map((row) => ({
  ...row,
  blocks: row.blocks.map((block) => block.filter((s) => s.bytes > 0)),
}));
const SEGMENTS = ROWS.flatMap((row) => row.blocks.flat());
const INDEX = new Map(SEGMENTS.map((s, i) => [s, i]));
/** Each segment's labels, longest first: its name, a short name (if any), its byte count. */
const CHOICES = SEGMENTS.map((s) =>
  [s.label === 'unused' ? '' : s.label, SHORT[s.label], String(s.bytes)].filter(
    (label, k, all) => label !== undefined && label !== '' && all.indexOf(label) === k,
  ),
);
/** The widest block, in bytes: the scale's full width (blocks wrap onto their own line). */
const WIDEST = Math.max(...ROWS.flatMap((row) => row.blocks.map(sum)));

/**
 * The C++ layouts the guide migrates between, drawn to one scale (1 byte = the same width). A
 * segment shows the longest of its name, a short name or its size that fits (full name in its
 * title and for screen readers).
 */
export function Layouts() {
  const container = useRef<HTMLDivElement>(null);
  const presenter = useAppStore((s) => s.presenter);
  const levels = useFittingLabels(container, CHOICES, presenter);
  return (
    <section className="cmp-section" aria-labelledby="layouts-h">
      <h3 id="layouts-h">Before and after, byte for byte</h3>
      <div className="cmp-layouts" data-testid="layouts" ref={container}>
        {ROWS.map((row) => (
          <div key={row.title} className="cmp-layout">
            <p>
              {row.title} — <strong>{row.total} bytes per Value</strong>
            </p>
            <div className="cmp-bytes">
              {row.blocks.map((block, b) => (
                <div
                  key={b}
                  className="cmp-block"
                  style={{ width: `${(sum(block) / WIDEST) * 100}%` }}
                >
                  {block.map((s, k) => {
                    const i = INDEX.get(s)!;
                    const full = `${s.label}: ${s.bytes} B`;
                    return (
                      <span
                        key={k}
                        data-fit
                        className={`cmp-seg cmp-seg-${s.kind}`}
                        style={{ flexGrow: s.bytes }}
                        title={full}
                      >
                        <span aria-hidden="true">{CHOICES[i][levels[i]] ?? ''}</span>
                        <span className="sr-only">{full}</span>
                      </span>
                    );
                  })}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
      <p className="cmp-note">
        Sizes and offsets from <code>{layouts.command}</code> ({layouts.compiler}, {layouts.machine}
        ; glibc’s malloc chunk = usable size + its 8-byte header). A narrow field shows a short name
        or its size; hover for its name. Key: <span className="cmp-seg-data cmp-key">numbers</span>{' '}
        <span className="cmp-seg-pointer cmp-key">pointers</span>{' '}
        <span className="cmp-seg-overhead cmp-key">bookkeeping</span>{' '}
        <span className="cmp-seg-slack cmp-key">headers, padding, unused</span>.
      </p>
    </section>
  );
}

function sum(block: Segment[]): number {
  return block.reduce((total, s) => total + s.bytes, 0);
}
