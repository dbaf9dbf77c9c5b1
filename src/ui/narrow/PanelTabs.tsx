import { useMemo } from 'react';
import { useAppStore } from '../../store/appStore';
import { panelsOf, useShownPanel } from './panels';

/**
 * The narrow layout's panel switcher (`data-testid="panel-tabs"`): one button per panel the
 * scenario has, named for it, the one on screen pressed.
 */
export function PanelTabs() {
  const scenario = useAppStore((s) => s.scenario);
  const hidden = useAppStore((s) => s.viewOptions.hidden);
  const setPanel = useAppStore((s) => s.setNarrowPanel);
  const shown = useShownPanel();
  const tabs = useMemo(() => panelsOf(scenario, hidden), [scenario, hidden]);
  return (
    <nav className="panel-tabs" data-testid="panel-tabs" aria-label="panels">
      {tabs.map((tab) => (
        <button
          key={tab.panel}
          type="button"
          data-panel={tab.panel}
          aria-pressed={shown === tab.panel}
          onClick={() => setPanel(tab.panel)}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}
