/**
 * The probe's command line and environment: which instance, and whether it may write.
 */

/** Parsed probe options. */
export interface ProbeArgs {
  instanceId?: string;
  /** A user of the instance the member checks may add when unknown emails are refused. */
  memberEmail?: string;
  write: boolean;
  help: boolean;
}

/** The environment variable naming the instance when `--instance-id` is not given. */
export const INSTANCE_ENV = "LOSANT_INSTANCE_ID";

/** The `pulumi-losant probe --help` text. */
export const PROBE_USAGE = `Usage: pulumi-losant probe [--instance-id ID] [--write [--member-email EMAIL]]

Checks how a Losant instance answers the instance-org API: every answer against the official
schemas, the error shapes, and the behaviours the documentation leaves open. Prints a table
of findings and the simulator profile the instance matches. Exits 1 when an answer breaks
its schema, 2 when the probe cannot run or a check fails.

  --instance-id ID  the instance (default: $${INSTANCE_ENV})
  --write           also create a scratch org named pulumi-losant-probe-<time>, change it,
                    and delete it (also on failure or Ctrl-C); without it nothing is changed.
                    In it, the member checks add pulumi-losant-probe-<time>@example.invalid
                    (which the instance may invite or create a user for), add a member twice,
                    and remove the org's last admin
  --member-email E  with --write: a user of the instance the member checks may add when the
                    instance refuses unknown emails (they are removed with the scratch org)

Connection: LOSANT_API_URL (default https://api.losant.com) and LOSANT_API_TOKEN.
`;

/** A command-line mistake, reported with the usage. */
export class ProbeUsageError extends Error {
  override readonly name = "ProbeUsageError";
}

/**
 * Parses the probe's arguments.
 * @throws ProbeUsageError for an unknown option or a missing value.
 */
export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
  const args: ProbeArgs = { write: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (name === "--help" || name === "-h") args.help = true;
    else if (name === "--write") args.write = true;
    else if (name === "--instance-id") {
      const value = inline ?? argv[++i];
      if (!value) throw new ProbeUsageError("Option --instance-id needs a value");
      args.instanceId = value;
    } else if (name === "--member-email") {
      const value = inline ?? argv[++i];
      if (!value) throw new ProbeUsageError("Option --member-email needs a value");
      args.memberEmail = value;
    } else throw new ProbeUsageError(`Unknown option ${argv[i]}`);
  }
  return args;
}
