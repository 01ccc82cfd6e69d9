#!/usr/bin/env node
/**
 * `losant-sim`: starts the simulator, prints one JSON line with its URL, seeded instance
 * and tokens, and serves until SIGINT or SIGTERM.
 */
import { startSimulator, type Simulator } from "./index";
import { namedProfile, PROFILE_NAMES, type ProfileName } from "./profiles";
import { checkRateLimit, type RateLimit } from "./rateLimit";
import { formatRequestLine } from "./requestLog";

/** Parsed command-line options. */
export interface CliOptions {
  port: number;
  host: string;
  stateFile?: string;
  profile?: ProfileName;
  rateLimit?: RateLimit;
  /** Print one line per request answered to stderr. */
  logRequests: boolean;
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: losant-sim [--port N] [--host HOST] [--state FILE] [--profile NAME]
                  [--rate-limit RPS[/BURST]] [--log-requests]

Starts a local Losant API for instance organizations and prints one JSON line:
{"url": ..., "instanceId": ..., "tokens": {"admin": ..., "readOnly": ...}}

  --port N       port to listen on (default 0: a free port)
  --host HOST    address to bind (default 127.0.0.1)
  --state FILE   load state from FILE and save every change to it
  --profile NAME how to answer what the API documentation leaves open (default
                 documented; see simulator/README.md), one of:
                 ${PROFILE_NAMES.join(", ")}
  --rate-limit RPS[/BURST]
                 answer 429 with Retry-After beyond RPS requests per second, with
                 bursts of up to BURST (default: RPS rounded up)
  --log-requests print each request to stderr as it is answered, one line each:
                 METHOD PATH STATUS, e.g. GET /instances/<id>/orgs?page=0 200
`;

/**
 * `RPS` or `RPS/BURST`, as `--rate-limit` takes it.
 * @throws Error for anything else, or a limit {@link checkRateLimit} refuses.
 */
export function parseRateLimit(value: string): RateLimit {
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(value);
  if (!match) throw new Error(`Option --rate-limit must be RPS or RPS/BURST, got ${value}`);
  const requestsPerSecond = Number(match[1]);
  const limit = {
    requestsPerSecond,
    burst: match[2] === undefined ? Math.max(1, Math.ceil(requestsPerSecond)) : Number(match[2]),
  };
  try {
    checkRateLimit(limit);
  } catch (error) {
    throw new Error(`Option --rate-limit: ${(error as Error).message}`);
  }
  return limit;
}

/** What each option with a value does to the options. */
const SETTERS: Record<string, (options: CliOptions, value: string) => void> = {
  "--port": (options, value) => {
    if (!/^\d+$/.test(value) || Number(value) > 65535) {
      throw new Error(`Option --port must be an integer from 0 to 65535, got ${value}`);
    }
    options.port = Number(value);
  },
  "--host": (options, value) => {
    options.host = value;
  },
  "--state": (options, value) => {
    options.stateFile = value;
  },
  "--profile": (options, value) => {
    namedProfile(value);
    options.profile = value as ProfileName;
  },
  "--rate-limit": (options, value) => {
    options.rateLimit = parseRateLimit(value);
  },
};

/**
 * Parses the arguments (without `node` and the script path).
 * @throws Error for an unknown option, a missing value, a port outside 0..65535, an
 * unknown profile or a malformed rate limit.
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 0, host: "127.0.0.1", logRequests: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    if (arg === "--log-requests") {
      options.logRequests = true;
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    const set = Object.hasOwn(SETTERS, name) ? SETTERS[name] : undefined;
    if (!set) throw new Error(`Unknown option ${arg}`);
    if (value === undefined || value === "") throw new Error(`Option ${name} needs a value`);
    set(options, value);
  }
  return options;
}

/**
 * Starts a simulator from command-line arguments and writes the startup line.
 * This line is the only place the simulator ever prints tokens: a user needs them to
 * connect.
 * @param argv - arguments without `node` and the script path.
 * @param write - where the line goes (stdout by default).
 * @param writeRequest - where `--log-requests` lines go (stderr by default).
 * @returns the running simulator, or `undefined` after printing `--help`.
 * @throws Error for bad arguments or when the simulator cannot start.
 */
export async function main(
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
  writeRequest: (text: string) => void = (text) => process.stderr.write(text),
): Promise<Simulator | undefined> {
  const options = parseArgs(argv);
  if (options.help) {
    write(USAGE);
    return undefined;
  }
  const simulator = await startSimulator({
    port: options.port,
    host: options.host,
    stateFile: options.stateFile,
    profile: options.profile,
    rateLimit: options.rateLimit,
  });
  const { url, instanceId, tokens } = simulator;
  write(`${JSON.stringify({ url, instanceId, tokens })}\n`);
  if (options.logRequests) {
    simulator.requests.subscribe((entry) => writeRequest(`${formatRequestLine(entry)}\n`));
  }
  return simulator;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (simulator) => {
      if (!simulator) return;
      const stop = (): void => {
        simulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error: unknown) => {
      process.stderr.write(`losant-sim: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
