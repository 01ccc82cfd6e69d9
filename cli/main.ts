#!/usr/bin/env node
/**
 * `pulumi-losant <command>`: the package's command line. Commands: `recover`.
 */
import { runRecover } from "./recover";

/** The `--help` text of the dispatcher. */
export const USAGE = `Usage: pulumi-losant <command>

Commands:
  recover   after a killed \`pulumi up\`, bring the orgs it created into the stack's state
`;

/** The commands by name: each takes its own arguments and returns an exit code. */
const COMMANDS: Record<
  string,
  (args: readonly string[], out: (t: string) => void, err: (t: string) => void) => Promise<number>
> = { recover: runRecover };

/**
 * Dispatches `argv` (without `node` and the script) to its command.
 * @returns the exit code
 */
export async function main(argv: readonly string[]): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text);
  const err = (text: string): void => void process.stderr.write(text);
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    (name === "--help" || name === "-h" ? out : err)(USAGE);
    return name === "--help" || name === "-h" ? 0 : 2;
  }
  return command(rest, out, err);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
