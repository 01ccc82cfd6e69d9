/**
 * The log of every request the simulator saw, for tests and benchmarks that assert the
 * exact calls a client made.
 */
import type { FaultKind } from "./faults";

/** One request as the simulator saw it. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string as sent, without its `?`; present only when the URL has one. */
  query?: string;
  /** Route template such as `POST /instances/:instanceId/orgs`; `null` for no route. */
  route: string | null;
  /** Status answered; `0` when the socket was destroyed without an answer. */
  status: number;
  /** The injected fault that decided the outcome, if any. */
  fault?: FaultKind;
}

/** Criteria for {@link RequestLog.count}; absent fields match anything. */
export interface RequestFilter {
  method?: string;
  route?: string | null;
  path?: string;
  status?: number;
}

/** Records requests in arrival order of their answers. */
export class RequestLog {
  private log: RequestLogEntry[] = [];
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>();

  /**
   * Calls `listener` with each entry recorded from now on, as it is recorded.
   * @returns a function that stops the calls
   */
  subscribe(listener: (entry: RequestLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A copy of the entries, oldest first. */
  get entries(): readonly RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  /** Appends one entry (called by the server once per request). */
  record(entry: RequestLogEntry): void {
    this.log.push({ ...entry });
    for (const listener of this.listeners) listener({ ...entry });
  }

  /** How many entries match every given field of `filter` (all entries without a filter). */
  count(filter: RequestFilter = {}): number {
    return this.log.filter(
      (entry) =>
        (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
        (filter.route === undefined || entry.route === filter.route) &&
        (filter.path === undefined || entry.path === filter.path) &&
        (filter.status === undefined || entry.status === filter.status),
    ).length;
  }

  /** Forgets every entry. */
  reset(): void {
    this.log = [];
  }
}

/**
 * One entry as `losant-sim --log-requests` prints it: method, path with its query, status
 * (`-` when the connection was dropped unanswered) and the injected fault, if any.
 */
export function formatRequestLine(entry: RequestLogEntry): string {
  const target = entry.query === undefined ? entry.path : `${entry.path}?${entry.query}`;
  const status = entry.status === 0 ? "-" : String(entry.status);
  return `${entry.method} ${target} ${status}${entry.fault ? ` (fault: ${entry.fault})` : ""}`;
}
