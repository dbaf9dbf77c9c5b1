/**
 * The decoded record, as a debugger's memory window shows it: address, raw bytes, and each field
 * of the struct layout (offset, size, raw bytes, value), with the parents as clickable addresses
 * and the op's gradient rule. For a pointer array: its addresses.
 */
import type React from 'react';
import { VALUE_PADDING, hex } from '../../core';
import {
  hexBytes,
  inspectAddress,
  type DecodedPointerArray,
  type DecodedRecord,
} from '../../core/inspect';
import { useAppStore } from '../../store/appStore';
import { CheckGradient } from '../compare/CheckGradient';
import { RecordValueEditor } from '../edit/RecordValueEditor';
import { useScreen } from './useScreen';
import type { OnScreenMemory } from '../../session/onScreenMemory';

/** The record panel (`data-testid="memory-record"`). Shows the hovered address, else the selected one. */
export function RecordPanel() {
  const selected = useAppStore((s) => s.selectedAddress);
  const hovered = useAppStore((s) => s.hoveredAddress);
  const live = useScreen((live) => bytesKey(live, hovered ?? selected));
  const address = hovered ?? selected;
  if (live === null || address === null) {
    return (
      <section className="memory-record" data-testid="memory-record">
        <p className="memory-hint">Hover or click a cell (or a graph node) to decode its bytes.</p>
      </section>
    );
  }
  const inspected = inspectAddress(live.memory, address);
  const hidden = live.gradientHidden?.(address) === true;
  return (
    <section className="memory-record" data-testid="memory-record" data-address={address}>
      {inspected.kind === 'record' && <RecordView record={inspected.record} hidden={hidden} />}
      {inspected.kind === 'record' && <CheckGradient />}
      {inspected.kind === 'array' && <ArrayView array={inspected.array} />}
      {inspected.kind === 'none' && (
        <p className="memory-hint">{hex(address)}: outside every arena (the null guard).</p>
      )}
    </section>
  );
}

/** The bytes the panel decodes (a record, or the start of a pointer array), as a key. */
function bytesKey(live: OnScreenMemory, address: number | null): string {
  if (address === null) return '';
  const u8 = live.memory.u8;
  const start = Math.max(0, Math.min(address, u8.length));
  const hidden = live.gradientHidden?.(address) ? 'hidden' : '';
  return `${address}:${live.memory.size}:${hidden}:${u8.subarray(start, start + 64).join(',')}`;
}

/** A pointer in the decoded record: selects the record it points to and puts the keyboard
 * cursor of the memory view there. */
function AddressButton({ address }: { address: number }) {
  const follow = (): void => {
    const s = useAppStore.getState();
    s.select(address);
    s.hover(address);
    document.querySelector<HTMLCanvasElement>('[data-testid="memory-view"]')?.focus();
  };
  return (
    <button type="button" className="memory-link" onClick={follow} title="go to this record">
      {hex(address)}
    </button>
  );
}

function status(record: DecodedRecord): string {
  if (record.valid) return `record #${record.tapeIndex} on the ${record.arenaName} tape`;
  if (record.isPoisoned) return 'freed: poison pattern 0xdd (debug mode)';
  return 'not a live record (free, padding or mid-record bytes)';
}

/** A table row: a field of the layout, or the struct's padding. */
interface Row {
  name: string;
  offset: number;
  size: number;
  rawHex: string;
  decoded: React.ReactNode;
  dim: boolean;
}

/** The rows; `hidden`: the gradient is predict mode's question still (bytes and number held back). */
function rowsOf(record: DecodedRecord, hidden: boolean): Row[] {
  const rows: Row[] = record.fields.map((f) => {
    const slot = f.name === 'prev[0]' ? 0 : f.name === 'prev[1]' ? 1 : -1;
    const used = slot >= 0 && slot < record.prevCount;
    if (hidden && f.name === 'gradient') {
      const masked = '?? '.repeat(f.size).trim();
      return { ...f, rawHex: masked, decoded: '? your turn to predict', dim: false };
    }
    return {
      name: f.name,
      offset: f.offset,
      size: f.size,
      rawHex: f.rawHex,
      decoded:
        used && record.valid ? (
          <AddressButton address={f.value} />
        ) : f.name === 'value' && record.valid && record.arenaName === 'model' ? (
          <RecordValueEditor address={record.address} display={f.display} />
        ) : (
          f.display
        ),
      dim: slot >= 0 && !used,
    };
  });
  for (const pad of VALUE_PADDING) {
    rows.push({
      name: 'padding',
      offset: pad.offset,
      size: pad.size,
      rawHex: hexBytes(record.bytes, pad.offset, pad.offset + pad.size),
      decoded: '-',
      dim: true,
    });
  }
  return rows.sort((x, y) => x.offset - y.offset);
}

function RecordView({ record, hidden }: { record: DecodedRecord; hidden: boolean }) {
  return (
    <>
      <header className="memory-record-head">
        <strong data-testid="memory-record-address">{hex(record.address)}</strong>
        <span>{record.arenaName ?? 'no arena'}</span>
        <span className={record.valid ? 'memory-ok' : 'memory-bad'}>{status(record)}</span>
      </header>
      <table className="memory-fields">
        <thead>
          <tr>
            <th>field</th>
            <th>off</th>
            <th>size</th>
            <th>raw bytes</th>
            <th>decoded</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(record, hidden).map((row) => (
            <tr key={row.name} data-field={row.name} className={row.dim ? 'memory-dim' : ''}>
              <td>{row.name}</td>
              <td>{row.offset}</td>
              <td>{row.size}</td>
              <td className="memory-raw">{row.rawHex}</td>
              <td data-testid={`field-${row.name}`}>{row.decoded}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="memory-rule" data-testid="memory-record-op">
        op <strong>{record.opInfo?.name ?? `? (${record.op})`}</strong>
        {record.opInfo && record.opInfo.arity > 0 && (
          <> · gradient rule: {record.opInfo.gradientRule}</>
        )}
      </p>
    </>
  );
}

function ArrayView({ array }: { array: DecodedPointerArray }) {
  return (
    <>
      <header className="memory-record-head">
        <strong data-testid="memory-record-address">{hex(array.address)}</strong>
        <span>{array.arenaName}</span>
        <span className="memory-ok">pointer array: {array.count} × 4-byte Value* (pushArray)</span>
      </header>
      <ol className="memory-pointers" start={0}>
        {array.entries.map((e) => (
          <li key={e.index}>
            [{e.index}] @{hex(e.slot)} →{' '}
            {e.targetIsRecord ? <AddressButton address={e.target} /> : hex(e.target)}
          </li>
        ))}
      </ol>
      <p className="memory-raw memory-hex" data-testid="memory-record-hex">
        {array.hex}
      </p>
    </>
  );
}
