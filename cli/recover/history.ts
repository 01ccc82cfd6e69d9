/**
 * When the killed run can have started at the earliest, from the stack's history
 * (`pulumi stack history --json`). The CLI 3.248 records no time on a pending operation, so
 * this is the lower bound of the creation time of any org the killed run made.
 */

/** One entry of `pulumi stack history --json`, the fields read here. */
export interface HistoryEntry {
  kind?: string;
  startTime?: string | number;
  [key: string]: unknown;
}

/**
 * The start of the newest `update` in the history, in ms since the epoch; undefined when there
 * is none (the killed run was the stack's first). Stack operations never overlap (the stack is
 * locked while one runs), so the killed run started after that one did: a file backend records
 * only finished runs, Pulumi Cloud records the killed one too, and either start is early
 * enough. Only updates count: a later `refresh` must not push the bound past the killed run,
 * and a later update or destroy would have settled the pending creates itself.
 */
export function lastUpdateStart(history: readonly HistoryEntry[]): number | undefined {
  const starts = history
    .filter((entry) => entry.kind === "update")
    .map((entry) => parseTime(entry.startTime))
    .filter((time): time is number => time !== undefined);
  return starts.length === 0 ? undefined : Math.max(...starts);
}

/**
 * A history time: an ISO string, Go's `2006-01-02 15:04:05.999 -0700 MST` layout that the CLI
 * prints, or seconds since the epoch.
 */
export function parseTime(value: string | number | undefined): number | undefined {
  if (typeof value === "number") return value * 1000;
  if (value === undefined) return undefined;
  const go = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2})(\d{2})/.exec(value);
  const parsed = Date.parse(go ? `${go[1]}T${go[2]}${go[3]}:${go[4]}` : value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
