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
export type ImportFormat = "yaml" | "ts" | "pulumi-import";

/** Every format, as `--format` takes them. */
export const IMPORT_FORMATS: readonly ImportFormat[] = ["ts", "yaml", "pulumi-import"];

/** The name and runtime of the Pulumi project in `cwd` (its `Pulumi.yaml`), as far as set. */
function project(cwd: string): { name?: string; runtime?: string } {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    const full = path.join(cwd, file);
    if (!fs.existsSync(full)) continue;
    const document = yaml.load(fs.readFileSync(full, "utf8")) as {
      name?: unknown;
      runtime?: unknown;
    } | null;
    const runtime =
      typeof document?.runtime === "object" && document.runtime !== null
        ? (document.runtime as { name?: unknown }).name
        : document?.runtime;
    return {
      name: typeof document?.name === "string" ? document.name : undefined,
      runtime: typeof runtime === "string" ? runtime : undefined,
    };
  }
  return {};
}

/**
 * The name of the Pulumi project in `cwd` (its `Pulumi.yaml`), or undefined when there is
 * none or it names none.
 */
export function projectName(cwd: string): string | undefined {
  return project(cwd).name;
}

/**
 * The format to write: the one asked for, else yaml in the default program's project,
 * pulumi-import (input for `pulumi import --file`, for the `losant` plugin) in a Pulumi YAML
 * project, and ts anywhere else.
 *
 * @throws ImportError (exit code 2) when yaml is asked for in another Pulumi project, whose
 *   program would never read the stack config it writes
 */
export function chooseFormat(asked: ImportFormat | undefined, cwd: string): ImportFormat {
  const { name, runtime } = project(cwd);
  if (asked === undefined) {
    if (name === PROJECT) return "yaml";
    return runtime === "yaml" ? "pulumi-import" : "ts";
  }
  if (asked === "yaml" && name !== undefined && name !== PROJECT) {
    throw new ImportError(
      `--format yaml writes ${PROJECT}:* stack config, which only pulumi-losant's default ` +
        `program (project ${PROJECT}) reads; this folder's project is "${name}", whose ` +
        `program would adopt nothing. Use --format ts (the default here) and import the module ` +
        "it writes from your program (nothing was written)",
      2,
    );
  }
  return asked;
}
