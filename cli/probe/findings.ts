/**
 * What the probe found: one row per check (with any schema violations of the answer), and
 * the value each profile dimension was observed to take.
 */
import type { ProfileDimension } from "../../simulator/profiles";
import { schemaViolations, type AnswerSchema } from "./schemas";

/** One row of the findings table. */
export interface Finding {
  /** What was checked, such as `list orgs`. */
  check: string;
  /** What the instance did. */
  result: string;
  /** Official schema violations of the answer; empty when it conforms or had none. */
  violations: string[];
  /** The check could not run to its end (an unexpected error). */
  failed?: boolean;
}

/** The value a dimension was observed to take, when the probe could tell. */
export type Observations = Partial<Record<ProfileDimension, string>>;

/** Collects the findings and observations of one probe run. */
export class ProbeRecord {
  readonly findings: Finding[] = [];
  readonly observed: Observations = {};
  private isStopped = false;

  /** Stops the run: checks not yet started are skipped (after an interrupt). */
  stop(): void {
    this.isStopped = true;
  }

  /** Whether {@link ProbeRecord.stop} was called. */
  get stopped(): boolean {
    return this.isStopped;
  }

  /** Records a check whose answer should follow `schema`. */
  answer(check: string, result: string, schema: AnswerSchema, body: unknown): void {
    this.findings.push({ check, result, violations: schemaViolations(schema, body) });
  }

  /** Records a check without an answer to validate. */
  note(check: string, result: string): void {
    this.findings.push({ check, result, violations: [] });
  }

  /** Records a check that failed unexpectedly. */
  fail(check: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.findings.push({ check, result: `failed: ${message}`, violations: [], failed: true });
  }

  /** Records the value observed for a profile dimension. */
  observe(dimension: ProfileDimension, value: string): void {
    this.observed[dimension] = value;
  }

  /** Whether any answer broke its schema. */
  get hasViolations(): boolean {
    return this.findings.some((finding) => finding.violations.length > 0);
  }

  /** Whether any check failed unexpectedly. */
  get hasFailures(): boolean {
    return this.findings.some((finding) => finding.failed === true);
  }
}

/**
 * Runs one check, recording an unexpected error as a failed finding instead of ending the
 * probe, so one refused call never hides what the other checks would find. Once the record
 * is stopped, checks are skipped.
 */
export async function runCheck(
  record: ProbeRecord,
  check: string,
  body: () => Promise<void>,
): Promise<void> {
  if (record.stopped) return;
  try {
    await body();
  } catch (error) {
    record.fail(check, error);
  }
}
