/**
 * Timers for injected latency that `close()` can cut short, so a closing simulator never
 * leaves a timer keeping jest or the CLI process alive.
 */

/** Pending delays that can all be ended at once. */
export class Delays {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** Resolves after `ms` milliseconds, or at once when {@link Delays.cancelAll} runs. */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  /** Clears every pending timer and resolves its promise. */
  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
