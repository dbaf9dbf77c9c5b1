import type { Phase } from './index';

/** A step's phase as the screen shows it: `ready` before the first step, else the last one entered. */
export type DisplayPhase = 'ready' | Phase;
