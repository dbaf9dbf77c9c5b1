/**
 * The app's one animation loop: a requestAnimationFrame chain that runs only while some task
 * asks for more frames, and stops by itself when everything is still.
 */

/** A per-frame task; returns whether it wants another frame. */
export type FrameTask = (now: number) => boolean;

/** Runs frame tasks while any of them is busy. */
export class AnimationLoop {
  private handle = 0;
  private readonly tasks = new Set<FrameTask>();

  /** Adds `task` (if new) and makes sure a frame is coming. */
  run(task: FrameTask): void {
    this.tasks.add(task);
    if (this.handle === 0) this.handle = requestAnimationFrame(this.tick);
  }

  /** Whether a frame is scheduled. */
  get running(): boolean {
    return this.handle !== 0;
  }

  /** Cancels the next frame and forgets every task. */
  stop(): void {
    if (this.handle !== 0) cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.tasks.clear();
  }

  private readonly tick = (now: number): void => {
    this.handle = 0;
    for (const task of [...this.tasks]) {
      if (!task(now)) this.tasks.delete(task);
    }
    if (this.tasks.size > 0) this.handle = requestAnimationFrame(this.tick);
  };
}
