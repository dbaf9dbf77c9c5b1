import type { StateCreator } from 'zustand';
import { DEFAULT_PROGRAM, type ArenaOptions, type ScenarioId } from '../setup';

/** What the user asked for: which scenario, how it plays, what of it is drawn. */
export interface ScenarioSlice {
  scenario: ScenarioId;
  /** Whether the play loop is stepping. */
  playing: boolean;
  /** Index into the speed table (`src/session/playSpeeds.ts`). */
  speed: number;
  /** MLP scenario: which datapoint's subgraph is drawn. */
  datapoint: number;
  /** MLP scenario: 0-based layers drawn as one box per neuron. */
  collapsedLayers: readonly number[];
  /** Playground: the program's source text. */
  program: string;
  /** Arena sizes and debug mode; a change rebuilds the scenario. */
  arenaOptions: ArenaOptions;
  setScenario: (scenario: ScenarioId) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  setDatapoint: (datapoint: number) => void;
  toggleLayer: (layer: number) => void;
  setProgram: (program: string) => void;
  setArenaOptions: (options: ArenaOptions) => void;
}

export const createScenarioSlice: StateCreator<ScenarioSlice, [], [], ScenarioSlice> = (set) => ({
  scenario: 'guide',
  playing: false,
  speed: 2,
  datapoint: 0,
  collapsedLayers: [0, 1, 2],
  program: DEFAULT_PROGRAM,
  arenaOptions: {},
  setScenario: (scenario) => set({ scenario, playing: false }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setDatapoint: (datapoint) => set({ datapoint }),
  toggleLayer: (layer) =>
    set((s) => ({
      collapsedLayers: s.collapsedLayers.includes(layer)
        ? s.collapsedLayers.filter((l) => l !== layer)
        : [...s.collapsedLayers, layer].sort((a, b) => a - b),
    })),
  setProgram: (program) => set({ program }),
  setArenaOptions: (arenaOptions) => set({ arenaOptions, playing: false }),
});
