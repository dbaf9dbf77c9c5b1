/** Runs a program rebuild once typing pauses (each new edit restarts the wait). */
export class ProgramDebounce {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: () => void,
    private readonly delayMs = 250,
  ) {}

  /** (Re)starts the wait. */
  schedule(): void {
    this.dispose();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.delayMs);
  }

  /** Cancels a pending run. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
