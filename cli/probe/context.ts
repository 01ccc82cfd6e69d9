/** What every check of the probe works with. */
import type { LosantClient } from "../../provider/losant";
import type { ProbeRecord } from "./findings";
import type { RawRequest } from "./http";

/** The connection, the instance and the record of one probe run. */
export interface ProbeContext {
  client: LosantClient;
  raw: RawRequest;
  instanceId: string;
  record: ProbeRecord;
  /** The clock, ms since the epoch. */
  now: () => number;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** One hour in milliseconds: the finer payload resolution. */
export const HOUR_MS = 3_600_000;

/** An org ID no instance holds: for the 404 check and the over-large body. */
export const ABSENT_ORG_ID = "000000000000000000000000";

/** The path of the instance's org collection. */
export function orgsPath(context: ProbeContext): string {
  return `/instances/${encodeURIComponent(context.instanceId)}/orgs`;
}

/** The status of a client error, if it is one with a status. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === "number" ? status : undefined;
}
