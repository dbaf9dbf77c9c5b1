/**
 * A node's box and its accessible name come from one reading of memory: numbers only while the
 * record is in memory and revealed, and the name speaks exactly the box's strings.
 */
import { describe, expect, it } from 'vitest';
import { gradientAt, valueAt } from '../../../src/core';
import { buildTrainerScenario } from '../../../src/session/buildScenario';
import { paintContextOf } from '../../../src/session/screenSummary';
import { formatNumber } from '../../../src/viz/graph/numberFormat';
import {
  NOT_IN_MEMORY,
  NOT_REVEALED,
  nodeName,
  nodeReading,
} from '../../../src/viz/graph/nodeReading';
import { nodeTitle } from '../../../src/viz/graph/geometry';

const noSelection = { selectedAddress: null, hoveredAddress: null };

function guide() {
  const scenario = buildTrainerScenario('guide', {}, 0, []);
  const read = () => {
    const context = paintContextOf(scenario, noSelection);
    return scenario.spec.nodes.map((node) => {
      const reading = nodeReading(node, context);
      return { node, reading, name: nodeName(node, reading) };
    });
  };
  return { scenario, read };
}

describe('node reading', () => {
  it('before the first step: weights show memory, the step’s records show no numbers', () => {
    const { scenario, read } = guide();
    const { memory } = scenario.stepper;
    for (const { node, reading, name } of read()) {
      if (node.arena === 'model') {
        expect(reading.state).toBe('live');
        expect(reading.value).toBe(formatNumber(valueAt(memory, node.address), 3));
        expect(reading.gradient).toBe(`g ${formatNumber(gradientAt(memory, node.address), 3)}`);
        expect(name).toContain(`value ${reading.value}, gradient ${reading.gradient.slice(2)}`);
        expect(name.startsWith(`${nodeTitle(node)} ${reading.value} ${reading.gradient}: `)).toBe(
          true,
        );
      } else {
        expect(reading).toEqual({ state: 'absent', value: NOT_IN_MEMORY, gradient: '' });
        expect(name).toContain(NOT_IN_MEMORY);
        expect(name).not.toMatch(/value |gradient /);
      }
    }
  });

  it('while forward is revealed: pushed records say they are not revealed yet, not absent', () => {
    const { scenario, read } = guide();
    scenario.playhead.stepPhase(); // mark
    scenario.playhead.stepNode(); // forward pushes the whole step; one record is revealed
    const scratch = read().filter((r) => r.node.arena === 'scratch');
    const live = scratch.filter((r) => r.reading.state === 'live');
    expect(live.map((r) => r.node.tapeIndex)).toEqual([0]);
    expect(live[0].reading.value).toBe(
      formatNumber(valueAt(scenario.stepper.memory, live[0].node.address), 3),
    );
    for (const r of scratch.filter((r) => r.reading.state !== 'live')) {
      expect(r.reading).toEqual({ state: 'unrevealed', value: NOT_REVEALED, gradient: '' });
      expect(r.name).toContain('not revealed yet');
      expect(r.name.startsWith(`${nodeTitle(r.node)} ${NOT_REVEALED}: `)).toBe(true);
    }
  });

  it('in the update a weight shows old → new, and its name says the same', () => {
    const { scenario, read } = guide();
    for (let k = 0; k < 10 && scenario.playhead.phase !== 'update'; k++)
      scenario.playhead.stepPhase();
    const weights = read().filter((r) => r.node.arena === 'model');
    for (const { node, reading, name } of weights) {
      const update = scenario.playhead.updates.find((u) => u.address === node.address)!;
      expect(reading.value).toBe(
        `${formatNumber(update.before, 3)}→${formatNumber(update.after, 3)}`,
      );
      expect(reading.gradient).toBe('');
      expect(name).toContain(`value ${reading.value},`);
      expect(name).not.toContain('gradient');
    }
    scenario.playhead.stepPhase(); // reset: the step is freed
    for (const { node, reading } of read())
      expect(reading.state).toBe(node.arena === 'model' ? 'live' : 'absent');
  });
});
