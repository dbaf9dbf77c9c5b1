/** Play speeds: node steps per second, or whole training steps per frame at the top end. */
export interface Speed {
  readonly label: string;
  /** Node steps per second (0 when `stepsPerFrame` is used). */
  readonly nodesPerSecond: number;
  /** Whole steps per animation frame (0 for node stepping). */
  readonly stepsPerFrame: number;
  /** Full speed in the training worker (the MLP scenario; elsewhere one step per frame). */
  readonly worker?: boolean;
}

export const SPEEDS: readonly Speed[] = [
  { label: '1 node/s', nodesPerSecond: 1, stepsPerFrame: 0 },
  { label: '3 nodes/s', nodesPerSecond: 3, stepsPerFrame: 0 },
  { label: '10 nodes/s', nodesPerSecond: 10, stepsPerFrame: 0 },
  { label: '40 nodes/s', nodesPerSecond: 40, stepsPerFrame: 0 },
  { label: '150 nodes/s', nodesPerSecond: 150, stepsPerFrame: 0 },
  { label: '1 step/frame', nodesPerSecond: 0, stepsPerFrame: 1 },
  { label: 'max (worker)', nodesPerSecond: 0, stepsPerFrame: 1, worker: true },
];

/** Index of the full-speed entry. */
export const MAX_SPEED = SPEEDS.length - 1;

/** Whether play runs in the training worker rather than the session's animation loop. */
export function playsInWorker(state: { speed: number; scenario: string }): boolean {
  return state.scenario === 'mlp' && SPEEDS[state.speed]?.worker === true;
}

/** How long a gradient pulse takes at `speed`, in ms (0: none, faster than the eye follows). */
export function pulseDuration(speed: Speed): number {
  if (speed.nodesPerSecond <= 0 || speed.nodesPerSecond > 20) return 0;
  return Math.min(450, (0.9 * 1000) / speed.nodesPerSecond);
}

/** The speed the app starts at (node steps the eye can follow). */
export const DEFAULT_SPEED = 2;

/**
 * The speed on entering `scenario`: the MLP's Play trains at full speed in the worker, as in
 * TensorFlow Playground (a node speed in the speed menu animates it instead); the other
 * scenarios animate node by node, so leaving the MLP at full speed goes back to the default.
 */
export function speedEntering(scenario: string, speed: number): number {
  if (scenario === 'mlp') return MAX_SPEED;
  return SPEEDS[speed]?.worker ? DEFAULT_SPEED : speed;
}
