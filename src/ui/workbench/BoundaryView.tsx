import { useCallback } from 'react';
import { useAppStore } from '../../store/appStore';
import { drawBoundary } from '../../viz/boundary/drawBoundary';
import { useSession } from '../SessionContext';
import { useCanvas } from './useCanvas';

/** The decision boundary heatmap with the data over it (`data-testid="boundary"`). */
export function BoundaryView() {
  const runner = useSession().training;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) => {
      const scenario = useAppStore.getState().scenario;
      const dataset = runner.history && scenario === 'mlp' ? runner.dataset : null;
      drawBoundary(ctx, width, height, runner.grid, runner.boundary, dataset, cache);
    },
    [runner],
  );
  const subscribe = useCallback((redraw: () => void) => runner.onChange(redraw), [runner]);
  const ref = useCanvas(draw, subscribe);
  return (
    <figure className="wb-boundary">
      <canvas ref={ref} data-testid="boundary" aria-label="decision boundary" />
      <figcaption>
        <i className="dot positive" /> +1 <i className="dot negative" /> −1 · shade: the model’s
        score
      </figcaption>
    </figure>
  );
}

const cache: { canvas: OffscreenCanvas | HTMLCanvasElement | null } = { canvas: null };
