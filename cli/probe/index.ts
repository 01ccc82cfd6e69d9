/**
 * `pulumi-losant probe`: runs the conformance checks against a Losant instance and prints
 * what it found and which simulator profile the instance matches.
 */
import { LosantClient, resolveConnection } from "../../provider/losant";
import type { CommandIo } from "../io";
import { INSTANCE_ENV, parseProbeArgs, PROBE_USAGE, ProbeUsageError } from "./args";
import { ProbeRecord, type Observations } from "./findings";
import { rawRequester } from "./http";
import { describeMatch, matchProfiles } from "./match";
import { readChecks } from "./readChecks";
import { formatFindings } from "./report";
import { ScratchOrg } from "./scratch";
import { writeChecks } from "./writeChecks";

/** Exit codes of the probe. */
export const PROBE_EXIT = { ok: 0, violation: 1, error: 2, interrupted: 130 } as const;

/** What one probe run found. */
export interface ProbeResult {
  exitCode: number;
  observed: Observations;
  /** The profiles agreeing with everything observed. */
  consistent: string[];
}

/**
 * Runs the probe.
 * @param argv - the arguments after `probe`.
 * @param io - output, environment and interrupt hook.
 * @returns the exit code and what was observed. Never throws: problems become output and
 * exit code 2.
 */
export async function runProbe(argv: readonly string[], io: CommandIo): Promise<ProbeResult> {
  const failed = (message: string): ProbeResult => {
    io.error(`pulumi-losant probe: ${message}\n`);
    return { exitCode: PROBE_EXIT.error, observed: {}, consistent: [] };
  };
  let args;
  let connection;
  try {
    args = parseProbeArgs(argv);
    if (args.help) {
      io.write(PROBE_USAGE);
      return { exitCode: PROBE_EXIT.ok, observed: {}, consistent: [] };
    }
    connection = resolveConnection({}, io.env);
  } catch (error) {
    const usage = error instanceof ProbeUsageError ? `\n${PROBE_USAGE}` : "";
    return failed(`${(error as Error).message}${usage}`);
  }
  const instanceId = args.instanceId ?? io.env[INSTANCE_ENV];
  if (!instanceId) return failed(`name the instance with --instance-id or ${INSTANCE_ENV}`);

  const client = new LosantClient(connection);
  const record = new ProbeRecord();
  const context = { client, raw: rawRequester(connection), instanceId, record, now: io.now };
  const scratch = new ScratchOrg(client, instanceId);
  let interrupted = false;
  const stop = new Promise<void>((resolve) => {
    io.onInterrupt(() => {
      interrupted = true;
      record.stop();
      resolve();
    });
  });
  const checks = async (): Promise<void> => {
    const scratchId = args.write
      ? await writeChecks(context, scratch, args.memberEmail)
      : undefined;
    await readChecks(context, scratchId);
  };
  try {
    await Promise.race([checks(), stop]);
  } finally {
    const removal = await scratch.remove();
    if (args.write) record.note("delete scratch org", removal);
  }
  io.write(`${formatFindings(record.findings)}\n\n`);
  const match = matchProfiles(record.observed);
  io.write(`${describeMatch(match, record.observed)}\n`);
  let exitCode: number = PROBE_EXIT.ok;
  if (record.hasFailures) exitCode = PROBE_EXIT.error;
  if (record.hasViolations) exitCode = PROBE_EXIT.violation;
  if (interrupted) exitCode = PROBE_EXIT.interrupted;
  return { exitCode, observed: record.observed, consistent: match.consistent };
}
