import { isLosantApiError, isLosantConfigError } from "../../provider/losant";
import type { CommandIo } from "../io";
import { runImport } from "./command";
import { runPulumi, type PulumiRunner } from "./connection";
import { ImportError } from "./errors";

/**
 * `pulumi-losant import` as a subcommand of the bin: runs {@link runImport} in the current
 * folder and turns its errors into one line on stderr a user can act on (never a stack trace,
 * never the token).
 *
 * @returns the exit code: 0 when done, 1 when the import failed, 2 for a wrong command line
 */
export async function runImportCommand(
  argv: readonly string[],
  io: CommandIo,
  pulumi: PulumiRunner = runPulumi,
): Promise<number> {
  try {
    await runImport(argv, {
      env: io.env,
      cwd: process.cwd(),
      pulumi,
      print: (line) => io.write(`${line}\n`),
    });
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      io.error(`pulumi-losant import: ${err.message}\n`);
      return err.exitCode;
    }
    if (isLosantApiError(err) || isLosantConfigError(err)) {
      io.error(`pulumi-losant import: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
