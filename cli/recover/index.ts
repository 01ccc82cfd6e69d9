/**
 * `pulumi-losant recover`: after a `pulumi up` was killed (a cancelled CI job), brings the
 * orgs its pending creates made into the state, so the next `pulumi up` creates no duplicate.
 */
import { isLosantApiError, isLosantConfigError } from "../../provider/losant";
import { RecoverError } from "./errors";
import { PulumiCli } from "./pulumiCli";
import { recover, resourceName, type Outcome } from "./recover";

export { recover, resourceName, type Outcome } from "./recover";
export { RecoverError } from "./errors";
export { PulumiCli, type PulumiCliOptions, type StackAccess } from "./pulumiCli";

/** The `--help` text of `pulumi-losant recover`. */
export const RECOVER_USAGE = `Usage: pulumi-losant recover

Run in the Pulumi project folder, with the stack selected, after a \`pulumi up\` was killed
(a cancelled CI job, a lost runner). For each InstanceOrg create the killed run left pending,
it looks for the org on the server by exact name and creation time:
  one unmanaged match   brought into the stack's state (no second org on the next up)
  none                  the pending create is dropped (the next up creates the org)
  several               nothing is changed; the candidates' IDs are printed
Then run \`pulumi up\`. The connection is the stack's losant:apiToken and losant:apiUrl, else
LOSANT_API_TOKEN and LOSANT_API_URL; \`pulumi\` must be on PATH.
`;

/** One line per outcome, for the terminal. */
export function describeOutcome(outcome: Outcome): string {
  const name = resourceName(outcome.urn);
  switch (outcome.kind) {
    case "imported":
      return `${name}: org ${outcome.orgId} ("${outcome.name}") is now in the state`;
    case "cleared":
      return `${name}: pending create dropped, ${outcome.reason}`;
    case "ambiguous":
      return `${name}: ${outcome.orgIds.length} candidates: ${outcome.orgIds.join(", ")}`;
  }
}

/**
 * Runs the command with its arguments (after `recover`) and returns the exit code; prints to
 * `out` and `err`, never the token.
 */
export async function runRecover(
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    out(RECOVER_USAGE);
    return 0;
  }
  if (args.length > 0) {
    err(`pulumi-losant recover takes no arguments (got ${args.join(" ")})\n\n${RECOVER_USAGE}`);
    return 2;
  }
  try {
    const outcomes = await recover(new PulumiCli());
    if (outcomes.length === 0) {
      out("No InstanceOrg create was left pending: nothing to recover.\n");
      return 0;
    }
    for (const outcome of outcomes) out(`${describeOutcome(outcome)}\n`);
    out("Stack updated. Run `pulumi up` to finish the interrupted run.\n");
    return 0;
  } catch (error) {
    if (error instanceof RecoverError || isLosantApiError(error) || isLosantConfigError(error)) {
      err(`pulumi-losant recover: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
