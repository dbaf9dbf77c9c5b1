import { useCallback } from 'react';
import { useAppStore } from '../../store/appStore';
import {
  ACCURACY_COLOR,
  LOSS_COLOR,
  RATE_CHANGE_COLOR,
  drawLossChart,
} from '../../viz/charts/drawLossChart';
import { useSession } from '../SessionContext';
import { useCanvas } from './useCanvas';

const EMPTY = new Float64Array(0);

/** Loss and accuracy over the run's steps (`data-testid="loss-chart"`). */
export function LossChart() {
  const runner = useSession().training;
  const steps = useAppStore((s) => s.workbench.historySteps);
  const changes = useAppStore((s) => s.training.rateSegments.length > 0);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) => {
      const history = runner.history;
      drawLossChart(ctx, width, height, {
        losses: history?.lossSeries ?? EMPTY,
        accuracies: history?.accuracySeries ?? EMPTY,
        current: useAppStore.getState().stats.step,
        rateChanges: useAppStore.getState().training.rateSegments.map((s) => s.fromStep),
      });
    },
    [runner],
  );
  const subscribe = useCallback(
    (redraw: () => void) => {
      const off = runner.onChange(redraw);
      const unsub = useAppStore.subscribe((s, p) => {
        if (s.stats.step !== p.stats.step || s.training !== p.training) redraw();
      });
      return () => {
        off();
        unsub();
      };
    },
    [runner],
  );
  const ref = useCanvas(draw, subscribe);
  return (
    <figure className="wb-chart" data-testid="loss-chart" data-points={steps}>
      <canvas ref={ref} aria-label="loss and accuracy per step" />
      <figcaption>
        {/* The coloured dash is the key; the words stay in ink (green text fails 4.5:1). */}
        <span>
          <i className="key-line" style={{ borderTopColor: LOSS_COLOR }} />
          loss (log scale)
        </span>{' '}
        <span>
          <i className="key-line dashed" style={{ borderTopColor: ACCURACY_COLOR }} />
          accuracy
        </span>
        {changes && (
          <>
            {' '}
            <span>
              <i className="key-line dotted vertical" style={{ borderColor: RATE_CHANGE_COLOR }} />
              lr change
            </span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
