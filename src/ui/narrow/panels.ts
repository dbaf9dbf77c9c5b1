/** The narrow layout's panels: which ones a scenario has, and the one on screen. */
import type { PanelId, ScenarioId } from '../../setup';
import type { NarrowPanel } from '../../store/layoutSlice';
import { useAppStore, type AppState } from '../../store/appStore';

/** A panel tab: its panel and its name. */
export interface PanelTab {
  readonly panel: NarrowPanel;
  readonly label: string;
}

const TABS: readonly PanelTab[] = [
  { panel: 'graph', label: 'Graph' },
  { panel: 'memory', label: 'Memory' },
  { panel: 'code', label: 'Code' },
  { panel: 'workbench', label: 'Workbench' },
  { panel: 'compare', label: 'Before vs after' },
];

/** The panels `scenario` has, less those a link hid (`graph_hide=1`, …). */
export function panelsOf(scenario: ScenarioId, hidden: readonly PanelId[]): PanelTab[] {
  const has: Record<NarrowPanel, boolean> = {
    graph: !hidden.includes('graph'),
    memory: !(hidden.includes('memory') && hidden.includes('stats')),
    code: true,
    workbench: scenario === 'mlp' && !hidden.includes('workbench'),
    compare: scenario === 'compare',
  };
  return TABS.filter((tab) => has[tab.panel]);
}

/** The panel a scenario opens on: the comparison for Before vs after, else the graph. */
export function firstPanel(state: AppState): NarrowPanel {
  const panels = panelsOf(state.scenario, state.viewOptions.hidden).map((tab) => tab.panel);
  const first: NarrowPanel = state.scenario === 'compare' ? 'compare' : 'graph';
  return panels.includes(first) ? first : (panels[0] ?? 'graph');
}

/** The panel on screen: the one chosen, if this scenario has it, else its first. */
export function shownPanel(state: AppState): NarrowPanel {
  const chosen = state.narrowPanel;
  const panels = panelsOf(state.scenario, state.viewOptions.hidden);
  return panels.some((tab) => tab.panel === chosen) ? chosen : firstPanel(state);
}

/** {@link shownPanel}, as a React hook. */
export function useShownPanel(): NarrowPanel {
  return useAppStore(shownPanel);
}
