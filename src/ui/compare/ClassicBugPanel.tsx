import { useState } from 'react';
import { hex } from '../../core';
import { actOutClassicBug, type StaleRead } from '../../session/compare/classicBug';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { BugQuestion, bugVerdict } from './BugQuestion';

const num = (x: number) => x.toPrecision(8);

/** Keep a pointer across a reset, read through it: release reads another record, debug throws. */
export function ClassicBugPanel() {
  const session = useSession();
  const debug = useAppStore((s) => s.arenaOptions.debug ?? false);
  const setArenaOptions = useAppStore((s) => s.setArenaOptions);
  const arenaOptions = useAppStore((s) => s.arenaOptions);
  const [read, setRead] = useState<StaleRead | null>(null);
  /** Predict mode: the read waits for the learner's guess (null: answered, or not asked). */
  const [asking, setAsking] = useState(false);
  const [verdict, setVerdict] = useState<string | null>(null);
  const act = () => {
    let result: StaleRead | null = null;
    // Acting it out takes steps; predict mode asks about the read, not about those steps.
    session.predict.without(() => {
      result = actOutClassicBug(session, useAppStore.getState().selectedAddress);
    });
    setRead(result);
    setVerdict(null);
    setAsking(result !== null && useAppStore.getState().predict);
    if (result) useAppStore.getState().select((result as StaleRead).address);
  };
  const answered = (right: boolean | null): void => {
    setAsking(false);
    if (read) setVerdict(bugVerdict(read, right));
  };
  return (
    <section className="cmp-section" aria-labelledby="classic-bug-h">
      <h3 id="classic-bug-h">The classic bug: a pointer kept across a reset</h3>
      <p className="cmp-note">
        Pick a scratch record in the graph (or take the step’s loss). The action keeps a pointer to
        it in the middle of a step, lets the step end (<code>checkpoint.end()</code> frees it) and
        the next step write over the same bytes, then reads through the kept pointer.
      </p>
      <div className="cmp-row">
        <label className="cmp-field">
          <input
            type="checkbox"
            data-testid="bug-debug"
            checked={debug}
            onChange={(e) => {
              setRead(null);
              setArenaOptions({ ...arenaOptions, debug: e.target.checked });
            }}
          />
          debug mode (epochs in handles)
        </label>
        <button type="button" data-testid="keep-pointer" onClick={act}>
          Keep a pointer, take a step, read it
        </button>
      </div>
      {read && asking && <BugQuestion read={read} done={answered} />}
      {verdict && (
        <p className="cmp-note" data-testid="predict-verdict" aria-live="polite">
          {verdict}
        </p>
      )}
      <div data-testid="stale-read" className="cmp-read" aria-live="polite">
        {read && !asking && <StaleReadText read={read} />}
      </div>
    </section>
  );
}

function StaleReadText({ read }: { read: StaleRead }) {
  const { kept, now } = read;
  const bytes = (
    <li className="cmp-quote">
      bytes then: {read.bytesKept}
      <br />
      bytes now:&nbsp; {read.bytesNow}
    </li>
  );
  const keptLine = (
    <li>
      kept <code>{hex(read.address)}</code> in step {kept.step}: {kept.name} ({kept.op}) ={' '}
      {num(kept.value)}
    </li>
  );
  if (read.error) {
    return (
      <ul>
        {keptLine}
        <li>
          <strong>caught: UseAfterResetError.</strong> The handle is the address plus the arena’s
          reset epoch at the record’s birth × 2³² (<code>{read.handle}</code> = {hex(read.address)}{' '}
          + {read.epochKept} · 2³²). The arena’s epoch is now {read.epochNow}: the record was freed,
          so every read checks and throws, even though step {now.step}’s {now.name} lives in the
          same slot.
        </li>
        {bytes}
        <li className="cmp-quote">{read.error}</li>
      </ul>
    );
  }
  return (
    <ul>
      {keptLine}
      <li>
        <strong>
          read through it in step {now.step}: {num(read.readValue ?? NaN)}, silently.
        </strong>{' '}
        That is step {now.step}’s {now.name} ({now.op}), the record the next step pushed into the
        same bytes, not the one kept. Nothing failed: release mode has no check. The memory view
        shows the address selected.
      </li>
      {bytes}
      <li className="cmp-note">
        Two defences: poison freed bytes on reset so stale reads look wrong (the RAD Debugger
        poisons its arenas for ASan on pop; debug mode here writes 0xdd), and generational handles
        that carry the epoch they were born in, so a stale one is caught even after the slot is
        reused (turn on debug mode).
      </li>
    </ul>
  );
}
