import layouts from '../../../bench/data/cpp-layouts.json';

interface Segment {
  label: string;
  bytes: number;
  kind: 'data' | 'pointer' | 'overhead' | 'slack';
}
type Type = (typeof layouts)['after'];

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

/** The C++ layouts the guide migrates between, drawn to scale (1 byte = the same width). */
export function Layouts() {
  const { makeShared, vectorBuffer } = layouts;
  const beforeBytes = makeShared.chunk + vectorBuffer.chunk;
  const rows: { title: string; total: number; blocks: Segment[][] }[] = [
    {
      title: `Before: make_shared<Value>, one malloc chunk of ${makeShared.chunk} B + the vector's buffer, ${vectorBuffer.chunk} B`,
      total: beforeBytes,
      blocks: [
        [
          { label: 'malloc hdr', bytes: 8, kind: 'slack' },
          { label: 'control block', bytes: makeShared.header, kind: 'overhead' },
          ...segmentsOf(layouts.before, BEFORE_KINDS),
          { label: '', bytes: makeShared.chunk - 8 - makeShared.bytes, kind: 'slack' },
        ],
        [
          { label: 'malloc hdr', bytes: 8, kind: 'slack' },
          { label: 'prev[0]', bytes: layouts.sharedPtr, kind: 'pointer' },
          { label: 'prev[1]', bytes: layouts.sharedPtr, kind: 'pointer' },
          { label: '', bytes: vectorBuffer.chunk - 8 - vectorBuffer.bytes, kind: 'slack' },
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
  return (
    <section className="cmp-section" aria-labelledby="layouts-h">
      <h3 id="layouts-h">Before and after, byte for byte</h3>
      <div className="cmp-layouts" data-testid="layouts">
        {rows.map((row) => (
          <div key={row.title} className="cmp-layout">
            <p>
              {row.title} — <strong>{row.total} bytes per Value</strong>
            </p>
            <div className="cmp-bytes">
              {row.blocks.map((block, b) => (
                <div
                  key={b}
                  className="cmp-block"
                  style={{ width: `${(sum(block) / beforeBytes) * 100}%` }}
                >
                  {block.map((s, k) => (
                    <span
                      key={k}
                      className={`cmp-seg cmp-seg-${s.kind}`}
                      style={{ flexGrow: s.bytes }}
                      title={`${s.label || 'unused'}: ${s.bytes} B`}
                    >
                      {s.bytes >= 8 ? s.label : ''}
                    </span>
                  ))}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
      <p className="cmp-note">
        Sizes and offsets from <code>{layouts.command}</code> ({layouts.compiler}, {layouts.machine}
        ; glibc’s malloc chunk = usable size + its 8-byte header). Key:{' '}
        <span className="cmp-seg-data cmp-key">numbers</span>{' '}
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
