#!/usr/bin/env node
/**
 * `pulumi-losant`: the package's command line, one subcommand per task. Each subcommand is a
 * module exporting a `run(argv, io)` that returns its exit code; add one to {@link COMMANDS}.
 */
import { runImportCommand } from "./import";
import { processIo, type CommandIo } from "./io";
import { runProbe } from "./probe";
import { runRecover } from "./recover";

/** One subcommand. */
export interface Command {
  /** One line for the usage text. */
  summary: string;
  /** Runs it with the arguments after its name. @returns the exit code */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** The subcommands by name. */
export const COMMANDS: Record<string, Command> = {
  import: {
    summary: "write declarations that adopt the existing orgs of an instance",
    run: (argv, io) => runImportCommand(argv, io),
  },
  probe: {
    summary: "check how a Losant instance answers, and which simulator profile it matches",
    run: async (argv, io) => (await runProbe(argv, io)).exitCode,
  },
  recover: {
    summary: "after a killed `pulumi up`, bring the orgs it created into the stack's state",
    run: (argv, io) => runRecover(argv, io.write, io.error),
  },
};

/** The `pulumi-losant --help` text. */
export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`);
  return `Usage: pulumi-losant <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun pulumi-losant <command> --help for its options.\n`;
}

/**
 * Dispatches to a subcommand.
 * @returns the exit code: the subcommand's, 0 for help, 2 for an unknown command.
 */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.error(`pulumi-losant: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`pulumi-losant: ${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
