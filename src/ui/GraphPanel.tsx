import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { GraphRenderer } from '../viz/graph/GraphRenderer';
import { GraphWeightEditor } from './edit/GraphWeightEditor';
import { CodePane } from './code/CodePane';
import { DrillsPanel } from './drills/DrillsPanel';
import { EventSlider } from './EventSlider';
import { ExpressionEditor } from './ExpressionEditor';
import { GraphTable } from './GraphTable';
import { Legend } from './Legend';
import { MlpControls } from './MlpControls';
import { useSession } from './SessionContext';
import { useChainRuleDock } from './useChainRuleDock';
import { useShownPanel } from './narrow/panels';
import { TOUCH_QUERY, useLayoutMode, useMediaQuery } from './narrow/useLayoutMode';
import { LegendFold } from './narrow/LegendFold';
import './graph.css';

/** The computation graph: an `<svg>` owned by the d3 renderer, with its legend and panels. */
export function GraphPanel() {
  const session = useSession();
  const scenario = useAppStore((s) => s.scenario);
  const codeShown = useAppStore((s) => !s.codeHiddenIn.includes(s.scenario));
  // The narrow layout's Code tab shows the code whatever the Code button says.
  const { narrow } = useLayoutMode();
  const codeTab = useShownPanel() === 'code' && narrow;
  const showCode = codeShown || codeTab;
  const touch = useMediaQuery(TOUCH_QUERY); // the zoom hint speaks of fingers, not a wheel
  const svgRef = useRef<SVGSVGElement>(null);
  const chainRef = useRef<HTMLPreElement>(null);
  const [table, setTable] = useState(false);
  useChainRuleDock(chainRef, svgRef);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const store = useAppStore.getState();
    const renderer = new GraphRenderer(svg, {
      onHover: store.hover,
      onSelect: store.select,
      canWalk: () => !useAppStore.getState().presenter,
    });
    const handle = { renderer, chainRule: chainRef.current };
    session.attach(handle);
    const resize = new ResizeObserver(() => renderer.refit());
    resize.observe(svg);
    // Presenter mode: no node text under 16 px on the projector (smaller ones are hidden); its
    // node texts are 15 px in graph units (presenter.css).
    const textSize = (presenter: boolean) => renderer.setMinTextPx(presenter ? 16 : null, 15);
    textSize(store.presenter);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.presenter !== prev.presenter) textSize(s.presenter);
    });
    return () => {
      unsubscribe();
      resize.disconnect();
      session.detach(handle);
      renderer.destroy();
    };
  }, [session]);
  return (
    <section
      className={`graph-panel ${scenario === 'playground' ? 'with-editor' : ''} ${showCode ? 'with-code' : ''}`}
      aria-label="computation graph"
    >
      {scenario === 'playground' && <ExpressionEditor />}
      <div className="graph-area">
        <div className="graph-bar">
          {narrow ? <LegendFold /> : <Legend />}
          <div className="graph-tools">
            {scenario === 'mlp' && <MlpControls />}
            {scenario === 'guide' && <DrillsPanel source="guide" />}
            <button onClick={session.fit} title="Zoom to fit (wheel zooms, drag pans)">
              Fit
            </button>
            <button
              type="button"
              aria-pressed={table}
              data-testid="graph-table-toggle"
              onClick={() => setTable((shown) => !shown)}
              title="The graph's records as a table of text (name, op, value, gradient, arena, address)"
            >
              Table
            </button>
            <CodeToggle />
            <WideToggle />
          </div>
        </div>
        <svg
          ref={svgRef}
          className="graph-svg"
          data-testid="graph-view"
          data-app-keys
          role="group"
          aria-label="Computation graph. The step keys keep stepping while a node has focus. Enter walks the graph: arrow keys move along the edges, Enter decodes a node's record, Esc stops walking. E edits a weight. The Table button lists every record as text."
        />
        <p className="walk-hint" role="status" data-testid="graph-walking">
          Walking the graph: <kbd>←</kbd> <kbd>↑</kbd> <kbd>↓</kbd> <kbd>→</kbd> move ·{' '}
          <kbd>Enter</kbd> decodes · <kbd>Esc</kbd> gives the keys back to stepping
        </p>
        <p className="zoom-hint" role="note">
          Zoomed out too far to read: node texts are hidden.{' '}
          {touch ? 'Spread two fingers on the graph' : 'Zoom in with the wheel'} (or collapse
          layers) to read them.
        </p>
        {table && <GraphTable />}
        <GraphWeightEditor svgRef={svgRef} />
        <EventSlider />
        <pre
          className="chain-rule"
          ref={chainRef}
          data-testid="chain-rule"
          aria-live="polite"
          tabIndex={0}
        />
      </div>
      {showCode && <CodePane />}
    </section>
  );
}

/** Gives the graph the whole width (for a projector) and back; the side panels keep running. */
function WideToggle() {
  const wide = useAppStore((s) => s.wideGraph);
  const toggle = useAppStore((s) => s.toggleWideGraph);
  return (
    <button
      onClick={toggle}
      aria-pressed={wide}
      data-testid="wide-graph"
      title={
        wide ? 'Show the side panels again' : 'Hide the side panels: the graph takes the width'
      }
    >
      {wide ? 'Panels' : 'Wide'}
    </button>
  );
}

/** Shows or hides the code pane beside the graph. */
function CodeToggle() {
  const shown = useAppStore((s) => !s.codeHiddenIn.includes(s.scenario));
  const toggle = useAppStore((s) => s.toggleCode);
  const scenario = useAppStore((s) => s.scenario);
  return (
    <button
      onClick={() => toggle(scenario)}
      aria-pressed={shown}
      data-testid="code-toggle"
      title={shown ? 'Hide the code pane' : 'Show the code being run beside the graph'}
    >
      Code
    </button>
  );
}
