import type { PlaygroundLayout } from '../../core/exercises';
import type { ArenaOptions } from '../../setup';
import { PLAYGROUND_MODEL_BYTES, PLAYGROUND_SCRATCH_BYTES } from '../../session/programStepper';

/** The playground's arenas as the session builds them: the user's settings, else its defaults. */
export function playgroundLayout(options: ArenaOptions): PlaygroundLayout {
  return {
    modelBytes: options.modelBytes ?? PLAYGROUND_MODEL_BYTES,
    scratchBytes: options.scratchBytes ?? PLAYGROUND_SCRATCH_BYTES,
    debug: options.debug ?? false,
  };
}
