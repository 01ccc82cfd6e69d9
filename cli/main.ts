#!/usr/bin/env node
/**
 * `pulumi-losant`, the package's command: dispatches to a subcommand. Errors are printed as one
 * line a user can act on (never a stack trace, never the token) with a non-zero exit code.
 */
import { isLosantApiError, isLosantConfigError } from "../provider/losant";
import { ImportError, runImport, runPulumi } from "./import";

const USAGE = `Usage: pulumi-losant <command> [options]

Commands:
  import    write declarations that adopt the existing orgs of an instance
            (pulumi-losant import --help)
`;

/**
 * Runs the command line `argv` (without `node` and the script).
 *
 * @returns the process's exit code
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "import":
        await runImport(rest, {
          env: process.env,
          cwd: process.cwd(),
          pulumi: runPulumi,
          print: (line) => process.stdout.write(`${line}\n`),
        });
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`pulumi-losant: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ImportError) {
      process.stderr.write(`pulumi-losant ${command}: ${err.message}\n`);
      return err.exitCode;
    }
    if (isLosantApiError(err) || isLosantConfigError(err)) {
      process.stderr.write(`pulumi-losant ${command}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`pulumi-losant: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
