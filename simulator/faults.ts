/**
 * Fault injection: rules added at run time that make matching requests fail the way a
 * real network or server does, so clients can be tested against retries and ambiguity.
 */
import { seededRandom } from "./hash";

/** Which requests a rule applies to, and how often. */
export interface FaultMatch {
  /** HTTP method to match (case-insensitive); any method when absent. */
  method?: string;
  /** Path to match: a string prefix of the path (query excluded) or a RegExp tested on it. */
  path?: string | RegExp;
  /**
   * How many matching requests the rule fires on before it is removed. Default: 1, or
   * unlimited when `probability` is given.
   */
  times?: number;
  /** Fire on each matching request with this probability (0..1), drawn from a seeded PRNG. */
  probability?: number;
  /** Seed of the rule's PRNG (default 1), so probabilistic runs repeat exactly. */
  seed?: number;
}

/** 429 with a `Retry-After` header (seconds, default 1) and Losant's error body. */
export interface RateLimitFault {
  kind: "rateLimit";
  retryAfterSeconds?: number;
}

/** A server error with Losant's error body; nothing is applied. */
export interface StatusFault {
  kind: "status";
  status: 500 | 502 | 503 | 504;
  message?: string;
}

/** The request is handled normally but answered `ms` milliseconds late. */
export interface LatencyFault {
  kind: "latency";
  ms: number;
}

/** The request is applied, then the socket is destroyed without an answer. */
export interface DropAfterApplyFault {
  kind: "dropAfterApply";
}

/** The socket is destroyed before anything is applied. */
export interface ResetFault {
  kind: "reset";
}

/** One fault a rule injects. */
export type Fault = RateLimitFault | StatusFault | LatencyFault | DropAfterApplyFault | ResetFault;

/** The kind of a fault. */
export type FaultKind = Fault["kind"];

/** A fault injection rule: what to inject and on which requests. */
export type FaultRule = FaultMatch & Fault;

/** A rule currently in force. */
export interface ActiveFault {
  id: string;
  rule: FaultRule;
  /** Firings left; `Infinity` for a rule without a limit. */
  remaining: number;
}

/** What the faults decided for one request. */
export interface FaultDecision {
  /** Extra delay before answering (sum of the latency rules that fired). */
  latencyMs: number;
  /** The first non-latency fault that fired, if any. */
  fault?: Exclude<Fault, LatencyFault>;
}

interface RuleState extends ActiveFault {
  random: () => number;
}

function checkRule(rule: FaultRule): void {
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new RangeError("Fault rule times must be a positive integer");
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new RangeError("Fault rule probability must be between 0 and 1");
  }
  if (rule.kind === "latency" && !(rule.ms >= 0)) {
    throw new RangeError("Latency fault ms must be a non-negative number");
  }
  if (rule.kind === "status" && ![500, 502, 503, 504].includes(rule.status)) {
    throw new RangeError("Status fault status must be 500, 502, 503 or 504");
  }
}

function matches(rule: FaultMatch, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (rule.path === undefined) return true;
  if (typeof rule.path === "string") return path.startsWith(rule.path);
  rule.path.lastIndex = 0;
  return rule.path.test(path);
}

/** The fault rules of one simulator. */
export class Faults {
  private rules: RuleState[] = [];
  private nextId = 1;

  /**
   * Adds a rule; rules are checked in the order they were added.
   * @returns the rule's ID, for {@link Faults.remove}.
   * @throws RangeError for a non-positive `times`, a probability outside 0..1, a negative
   * latency or an unsupported status.
   */
  add(rule: FaultRule): string {
    checkRule(rule);
    const id = `fault-${this.nextId++}`;
    const unlimited = rule.probability !== undefined && rule.times === undefined;
    this.rules.push({
      id,
      rule,
      remaining: unlimited ? Infinity : (rule.times ?? 1),
      random: seededRandom(rule.seed ?? 1),
    });
    return id;
  }

  /** Removes one rule. @returns whether it was there. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules in force, with their remaining firings. */
  list(): ActiveFault[] {
    return this.rules.map(({ id, rule, remaining }) => ({ id, rule, remaining }));
  }

  /**
   * Decides the faults of one request and uses up the firings of the rules that fire.
   * Latency rules add up; of the other kinds only the first firing rule counts, and later
   * rules of those kinds are not consumed.
   */
  take(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const state of this.rules) {
      const { rule } = state;
      if (rule.kind !== "latency" && decision.fault) continue;
      if (!matches(rule, method, path)) continue;
      if (rule.probability !== undefined && state.random() >= rule.probability) continue;
      state.remaining -= 1;
      if (rule.kind === "latency") decision.latencyMs += rule.ms;
      else decision.fault = rule;
    }
    this.rules = this.rules.filter((state) => state.remaining > 0);
    return decision;
  }
}
