import type { StateCreator } from 'zustand';

/** The scenarios the page offers. */
export type ScenarioId = 'guide' | 'playground' | 'mlp';

/** Arena options a user may change (the memory inspector's settings). */
export interface EngineOptions {
  modelBytes?: number;
  scratchBytes?: number;
  debug?: boolean;
}

/** What the user asked for: which scenario, how it plays, what of it is drawn. */
export interface ScenarioSlice {
  scenario: ScenarioId;
  /** Whether the play loop is stepping. */
  playing: boolean;
  /** Index into the speed table (`src/scenarios/speeds.ts`). */
  speed: number;
  /** MLP scenario: which datapoint's subgraph is drawn. */
  datapoint: number;
  /** MLP scenario: 0-based layers drawn as one box per neuron. */
  collapsedLayers: readonly number[];
  /** Playground: the program's source text. */
  program: string;
  /** Arena sizes and debug mode; a change rebuilds the scenario. */
  engineOptions: EngineOptions;
  setScenario: (scenario: ScenarioId) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  setDatapoint: (datapoint: number) => void;
  toggleLayer: (layer: number) => void;
  setProgram: (program: string) => void;
  setEngineOptions: (options: EngineOptions) => void;
}

/** The playground's first program: a neuron by hand, as in micrograd's lecture. */
export const DEFAULT_PROGRAM = `# a neuron by hand: out = tanh(x1*w1 + x2*w2 + b)
x1 = 2; x2 = 0
w1 = -3; w2 = 1
b = 6.8813735870195432
n = x1*w1 + x2*w2 + b
out = tanh(n)`;

export const createScenarioSlice: StateCreator<ScenarioSlice, [], [], ScenarioSlice> = (set) => ({
  scenario: 'guide',
  playing: false,
  speed: 2,
  datapoint: 0,
  collapsedLayers: [0, 1, 2],
  program: DEFAULT_PROGRAM,
  engineOptions: {},
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
  setEngineOptions: (engineOptions) => set({ engineOptions, playing: false }),
});
