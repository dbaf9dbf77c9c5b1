import { canvasToPng, canvasToSvg, serializeSvg, svgToPng } from '../../viz/exportImage';
import { useAppStore } from '../../store/appStore';
import { download } from './download';

type Format = 'svg' | 'png';

/** Saves the graph view (`data-testid="graph-view"`) as an SVG or PNG file. */
async function exportGraph(format: Format): Promise<void> {
  const svg = document.querySelector<SVGSVGElement>('svg[data-testid="graph-view"]');
  if (!svg) throw new Error('there is no graph on screen');
  const text = serializeSvg(svg);
  if (format === 'svg') download(text, 'arenagrad-graph.svg', 'image/svg+xml');
  else download(await svgToPng(text), 'arenagrad-graph.png');
}

/** Saves the decision boundary (`data-testid="boundary"`, a canvas) as PNG or SVG. */
async function exportBoundary(format: Format): Promise<void> {
  const canvas = document.querySelector('[data-testid="boundary"]');
  const target = canvas instanceof HTMLCanvasElement ? canvas : canvas?.querySelector('canvas');
  if (!target) throw new Error('there is no decision boundary on screen (MLP scenario only)');
  if (format === 'svg') download(canvasToSvg(target), 'arenagrad-boundary.svg', 'image/svg+xml');
  else download(await canvasToPng(target), 'arenagrad-boundary.png');
}

/** "Picture" menu: the graph and the decision boundary as SVG or PNG files. */
export function ImageButtons() {
  const run = (action: () => Promise<void>): void => {
    action().catch((error: unknown) =>
      useAppStore.getState().setView({
        error: `Picture not saved: ${error instanceof Error ? error.message : String(error)}.`,
      }),
    );
  };
  return (
    <select
      className="image-export"
      data-testid="export-image"
      aria-label="Save a picture"
      value=""
      onChange={(e) => {
        const [what, format] = e.target.value.split('.') as ['graph' | 'boundary', Format];
        if (what === 'graph') run(() => exportGraph(format));
        else if (what === 'boundary') run(() => exportBoundary(format));
      }}
    >
      <option value="" disabled>
        Save picture…
      </option>
      <option value="graph.svg">graph as SVG</option>
      <option value="graph.png">graph as PNG</option>
      <option value="boundary.png">boundary as PNG</option>
      <option value="boundary.svg">boundary as SVG</option>
    </select>
  );
}
