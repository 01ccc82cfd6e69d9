/**
 * One simulator per test file with one org in it, and the connection options that reach it,
 * for the usage functions' integration tests. Everything goes over real loopback HTTP.
 */
import * as pulumi from "@pulumi/pulumi";
import { LosantClient } from "../../../provider/losant/client";
import type { LosantConnectionOptions } from "../../../sdk";
import type { Simulator } from "../../../simulator";
import { useSimulator } from "../../helpers/simulator";

/** The org the tests read. */
export interface UsageFixture {
  sim: Simulator;
  /** `instanceId` and `orgId` of the seeded org. */
  org: { instanceId: string; orgId: string };
  /** Connection options with the simulator's admin token. */
  admin: LosantConnectionOptions;
}

/** The route label of a usage endpoint in the simulator's request log. */
export function usageRoute(
  leaf: "deviceCounts" | "notebookMinuteCounts" | "payloadCountsBreakdown",
): string {
  return `GET /instances/:instanceId/orgs/:orgId/${leaf}`;
}

const DAY = 86_400_000;

/**
 * The end of a closed range for hourly payloads: midnight UTC a week ago. Every profile keeps
 * hourly data that recent (some refuse or empty it past 90 days), and a closed past range
 * reads the same series on every call of a run.
 */
export const RECENT_HOURLY_END = Math.floor(Date.now() / DAY) * DAY - 7 * DAY;

/** The route label of `instanceOrg.get`. */
export const GET_ORG_ROUTE = "GET /instances/:instanceId/orgs/:orgId";

/**
 * Registers the simulator hooks and creates one org before the tests (its requests are
 * cleared from the log before each test).
 *
 * @returns a function giving the fixture inside a test
 */
export function useUsageFixture(): () => UsageFixture {
  const sim = useSimulator();
  let fixture: UsageFixture | undefined;
  beforeAll(async () => {
    const admin = { apiToken: sim().tokens.admin, apiUrl: sim().url };
    const client = new LosantClient({ token: admin.apiToken, url: admin.apiUrl });
    const created = await client.createOrg(sim().instanceId, { name: "Usage Org" });
    fixture = { sim: sim(), org: { instanceId: sim().instanceId, orgId: created.id! }, admin };
  });
  return () => {
    if (!fixture) throw new Error("useUsageFixture: not set up yet (use it in a test)");
    return fixture;
  };
}

/**
 * Awaits an Output's value, or its failure. Pulumi has no public way to await an Output (an
 * `apply` callback cannot see a failure), so this reads the Output's internal `promise()`.
 */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/**
 * Awaits a failed Output's error. A failed Output also leaves its internal `isKnown` and
 * `isSecret` promises rejected; inside a program Pulumi's runtime reports such rejections as
 * the program's error, here jest would fail the test on them, so they are marked handled.
 *
 * @returns the Output's error, or undefined when it did not fail
 */
export function failureOf(output: pulumi.Output<unknown>): Promise<unknown> {
  const internals = output as unknown as { isKnown: Promise<boolean>; isSecret: Promise<boolean> };
  internals.isKnown.catch(() => undefined);
  internals.isSecret.catch(() => undefined);
  return valueOf(output).then(
    () => undefined,
    (err: unknown) => err,
  );
}
