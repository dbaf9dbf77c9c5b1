/**
 * A phone-class CPU (Chromium's CPU throttled 4× through CDP) at 390×844: while the app plays and
 * the graph repaints, taps on a control over the graph (the legend's button) are timed — how long
 * each waited before its handler ran, how long until the next paint — and the longest tasks of
 * the main thread. Reported, not asserted (a shared machine is no benchmark); the test asserts
 * that the play really ran and that every tap was answered.
 */
import { describe, expect, it } from 'vitest';
import { reportMeasurement } from './harness';
import { PHONE, showPanel, useTouchPages } from './phoneHelpers';

const { open } = useTouchPages();

/** What the page records: each tap's wait, the event timing entries, the long tasks. */
interface Timings {
  waits: number[];
  painted: number[];
  long: number[];
}

const CASES = [
  { scenario: 'guide', speed: '1 step/frame' },
  { scenario: 'mlp', speed: '150 nodes/s' },
  { scenario: 'mlp', speed: 'max (worker)' },
];
const TAPS = 12;
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('taps on a phone-class CPU (4× throttled) while the graph repaints', () => {
  for (const { scenario, speed } of CASES)
    it(`${scenario} playing at ${speed}`, async () => {
      const page = await open(PHONE, `?scenario=${scenario}`);
      await page.getByTestId('narrow-more').tap();
      await page.getByTestId('speed').selectOption({ label: speed });
      await page.getByTestId('narrow-more').tap();
      await page.evaluate(() => {
        const w = window as unknown as { record: Timings };
        w.record = { waits: [], painted: [], long: [] };
        // The wait: from the input's own time stamp to its first handler (capture, on window).
        window.addEventListener(
          'pointerdown',
          (e) => w.record.waits.push(performance.now() - e.timeStamp),
          true,
        );
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as PerformanceEventTiming[])
            if (e.name === 'pointerdown' || e.name === 'click') w.record.painted.push(e.duration);
        }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.record.long.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const started = Date.now();
      await page.getByTestId('play').tap();
      await page.waitForTimeout(800);
      const legend = page.getByTestId('legend-toggle');
      for (let k = 0; k < TAPS; k++) {
        await legend.tap();
        await page.waitForTimeout(150 + ((k * 37) % 120)); // off the beat of the frames
      }
      await page.getByTestId('play').tap();
      const seconds = (Date.now() - started) / 1000;
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const record = await page.evaluate(() => (window as unknown as { record: Timings }).record);
      expect(record.waits.length).toBeGreaterThanOrEqual(TAPS + 2); // every tap reached the page
      // It played: the stats (on the Memory tab, rendered when shown) are past step 0.
      await showPanel(page, 'Memory');
      expect(await page.getByTestId('stat-step').textContent()).not.toBe('0');
      reportMeasurement(
        `phone (390×844, CPU 4× throttled) ${scenario} playing at ${speed}: ` +
          `tap wait before its handler median ${median(record.waits).toFixed(0)} ms, ` +
          `max ${max(record.waits).toFixed(0)} ms (${record.waits.length} taps); ` +
          `tap to next paint max ${max(record.painted).toFixed(0)} ms ` +
          `(${record.painted.length} over 16 ms); ` +
          `longest main-thread task ${max(record.long).toFixed(0)} ms ` +
          `(${record.long.length} over 50 ms in ${seconds.toFixed(1)} s)`,
      );
    });
});
