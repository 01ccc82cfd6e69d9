/**
 * Which output an import writes when `--format` is not given, from the Pulumi project in the
 * folder: stack config only for pulumi-losant's own default program, which is the one program
 * that reads it; a TypeScript module everywhere else.
 */
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ImportError } from "./errors";

/**
 * The project name of pulumi-losant's default program, which is also its stack config
 * namespace. It lives here, not in `program/`, because the package ships the CLI but not the
 * default program.
 */
export const PROJECT = "losant-orgs";

/** The output formats of an import. */
export type ImportFormat = "yaml" | "ts";

/**
 * The name of the Pulumi project in `cwd` (its `Pulumi.yaml`), or undefined when there is
 * none or it names none.
 */
export function projectName(cwd: string): string | undefined {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    const full = path.join(cwd, file);
    if (!fs.existsSync(full)) continue;
    const document = yaml.load(fs.readFileSync(full, "utf8")) as { name?: unknown } | null;
    return typeof document?.name === "string" ? document.name : undefined;
  }
  return undefined;
}

/**
 * The format to write: the one asked for, else yaml in the default program's project and ts
 * anywhere else.
 *
 * @throws ImportError (exit code 2) when yaml is asked for in another Pulumi project, whose
 *   program would never read the stack config it writes
 */
export function chooseFormat(asked: ImportFormat | undefined, cwd: string): ImportFormat {
  const project = projectName(cwd);
  if (asked === undefined) return project === PROJECT ? "yaml" : "ts";
  if (asked === "yaml" && project !== undefined && project !== PROJECT) {
    throw new ImportError(
      `--format yaml writes ${PROJECT}:* stack config, which only pulumi-losant's default ` +
        `program (project ${PROJECT}) reads; this folder's project is "${project}", whose ` +
        `program would adopt nothing. Use --format ts (the default here) and import the module ` +
        "it writes from your program (nothing was written)",
      2,
    );
  }
  return asked;
}
