import { parseArgs } from "node:util";
import { ImportError } from "./errors";
import { IMPORT_FORMATS, type ImportFormat } from "./format";
import { parseFields, type ImportableField } from "./fields";
import { parseTag, type Selection } from "./select";

/** What `pulumi-losant import` was asked to do. */
export interface ImportArgs {
  instanceId?: string;
  /**
   * yaml: stack config of the default program; ts: a TypeScript module. Undefined: chosen from
   * the project in the folder (see `format.ts`).
   */
  format?: ImportFormat;
  /** The file to write; default `Pulumi.<stack>.yaml` for yaml, `orgs.ts` for ts. */
  out?: string;
  stack?: string;
  force: boolean;
  /** Print the selected orgs and their resource names; write nothing. */
  list: boolean;
  fields: readonly ImportableField[];
  /** Declare every limit, the ones most orgs of the instance share included. */
  allLimits: boolean;
  /** Declare each org's members too (one list request per org). */
  members: boolean;
  selection: Selection;
  help: boolean;
}

/** The command's help text. */
export const IMPORT_USAGE = `Usage: pulumi-losant import [--instance-id ID] [options]

Writes declarations that adopt existing orgs of a Losant instance, and their members:
\`pulumi up\` then adopts them with no change.

  --instance-id ID      the instance (else LOSANT_INSTANCE_ID, else losant-orgs:instanceId)
  --format ts|yaml|pulumi-import
                        ts: a TypeScript module of InstanceOrg and InstanceOrgMember
                        declarations, for your program to import (the default);
                        yaml: stack config that only pulumi-losant's own default program
                        (project losant-orgs) reads (the default in that project);
                        pulumi-import: the orgs as \`pulumi import --file\` input for the
                        losant provider plugin (the default in a Pulumi YAML project)
  --out FILE            where to write (default Pulumi.<stack>.yaml, orgs.ts or import.json)
  --stack NAME          the stack whose file and config to use (default: the selected one)
  --force               replace an existing file (yaml: only the losant-orgs keys change)
  --list                print the selected orgs and their resource names; write nothing
  --fields LIST         default, all, or a comma-separated list of fields
  --all-limits          declare every limit; by default a limit whose value most orgs of the
                        instance share (the instance's default) is left out, unmanaged
  --no-members          leave the orgs' members out
  --name-glob GLOB      select by name glob (* and ?, any case); repeatable
  --name NAME           select by exact name; repeatable
  --tag KEY[=VALUE]     select by tag; repeatable
Connection: LOSANT_API_TOKEN and LOSANT_API_URL, else the stack's losant:apiToken and
losant:apiUrl when run in a Pulumi project folder.
`;

/**
 * Reads the command line of `pulumi-losant import` (without the subcommand).
 *
 * @throws ImportError (exit code 2) naming the flag at fault
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        "instance-id": { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        stack: { type: "string" },
        force: { type: "boolean", default: false },
        list: { type: "boolean", default: false },
        fields: { type: "string" },
        "all-limits": { type: "boolean", default: false },
        "no-members": { type: "boolean", default: false },
        "name-glob": { type: "string", multiple: true, default: [] },
        name: { type: "string", multiple: true, default: [] },
        tag: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    throw new ImportError(
      `${err instanceof Error ? err.message : String(err)}\n${IMPORT_USAGE}`,
      2,
    );
  }
  const { values } = parsed;
  if (values.format !== undefined && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
    throw new ImportError(
      `--format must be ${IMPORT_FORMATS.join(", ")}, not "${values.format}"`,
      2,
    );
  }
  const emptyTag = values.tag.find((tag) => parseTag(tag).key === "");
  if (emptyTag !== undefined) {
    throw new ImportError(`--tag "${emptyTag}" has no key: use KEY or KEY=VALUE`, 2);
  }
  return {
    instanceId: values["instance-id"],
    format: values.format as ImportFormat | undefined,
    out: values.out,
    stack: values.stack,
    force: values.force,
    list: values.list,
    fields: parseFields(values.fields),
    allLimits: values["all-limits"],
    members: !values["no-members"],
    selection: { globs: values["name-glob"], names: values.name, tags: values.tag.map(parseTag) },
    help: values.help,
  };
}
