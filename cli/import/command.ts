import fs from "node:fs";
import path from "node:path";
import {
  LosantClient,
  isLosantApiError,
  type FetchLike,
  type InstanceOrg,
} from "../../provider/losant";
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from "./args";
import { settleTarget, stackName, type ImportContext, type ImportTarget } from "./connection";
import { declarations, type OrgDeclaration } from "./declarations";
import { ImportError } from "./errors";
import { renderStackConfig, renderTypeScript } from "./render";
import { selectOrgs } from "./select";

/** What the command needs from its surroundings, injected in tests. */
export interface ImportIo extends ImportContext {
  /** Writes a line of the command's report. */
  print(line: string): void;
  /** The HTTP transport; node-fetch when absent. */
  fetch?: FetchLike;
}

/** What an import did. */
export interface ImportResult {
  /** The file written, or undefined with `--list` or `--help`. */
  file?: string;
  /** The orgs of the instance, and the ones declared. */
  total: number;
  declared: OrgDeclaration[];
}

/**
 * `pulumi-losant import`: lists every org of the instance, selects, names and writes their
 * declarations (see {@link IMPORT_USAGE}).
 *
 * @throws ImportError for a bad command line, an unknown instance, a token that cannot list,
 *   an existing file without `--force`
 * @throws LosantConfigError for a missing token or an unsafe URL
 * @throws LosantApiError when the API fails otherwise
 */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<ImportResult> {
  const args = parseImportArgs(argv);
  if (args.help) {
    io.print(IMPORT_USAGE);
    return { total: 0, declared: [] };
  }
  const target = await settleTarget(io, args.instanceId, args.stack);
  const all = await listInstance(target, io.fetch);
  const declared = declarations(all, selectOrgs(all, args.selection), args.fields);
  if (args.list) {
    for (const { resource, orgId, values } of declared) {
      io.print(`${resource}\t${orgId}\t${String(values.name ?? "")}`);
    }
    io.print(`${declared.length} of ${all.length} orgs selected`);
    return { total: all.length, declared };
  }
  const file = path.resolve(io.cwd, await outputFile(args, io));
  const existing = readExisting(file, args.force);
  const text =
    args.format === "ts"
      ? renderTypeScript(target.instanceId, declared, `instance ${target.instanceId}`)
      : renderStackConfig(target.instanceId, declared, existing);
  fs.writeFileSync(file, text, { flag: args.force ? "w" : "wx" });
  io.print(`Wrote ${declared.length} of ${all.length} orgs to ${path.relative(io.cwd, file)}.`);
  io.print("Next: `pulumi up` adopts them (no change on the server), then");
  io.print("`pulumi preview --expect-no-changes` confirms the code matches the instance.");
  return { file, total: all.length, declared };
}

async function listInstance(target: ImportTarget, fetch?: FetchLike): Promise<InstanceOrg[]> {
  const client = new LosantClient({ ...target.connection, ...(fetch ? { fetch } : {}) });
  try {
    return await client.listAllOrgs(target.instanceId);
  } catch (err) {
    if (!isLosantApiError(err)) throw err;
    if (err.status === 404) {
      throw new ImportError(
        `instance ${target.instanceId} was not found at ${target.connection.url} ` +
          `(${err.apiMessage}): check --instance-id and the API URL`,
      );
    }
    if (err.status === 401) {
      throw new ImportError(
        `the token was refused listing the orgs of instance ${target.instanceId} (401 ` +
          `${err.type}): it is invalid or expired; set a valid one in LOSANT_API_TOKEN or the ` +
          `stack's losant:apiToken`,
      );
    }
    if (err.status === 403) {
      throw new ImportError(
        `the token cannot list the orgs of instance ${target.instanceId} (${err.status} ` +
          `${err.type}): it needs one of the scopes ${err.requiredScopes?.join(", ")}`,
      );
    }
    throw err;
  }
}

async function outputFile(args: ImportArgs, context: ImportContext): Promise<string> {
  if (args.out !== undefined) return args.out;
  if (args.format === "ts") return "orgs.ts";
  return `Pulumi.${await stackName(context, args.stack)}.yaml`;
}

/** The file's text when it exists and may be replaced; undefined when it does not exist. */
function readExisting(file: string, force: boolean): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  if (!force) {
    throw new ImportError(`${file} exists; pass --force to replace it (nothing was written)`);
  }
  return fs.readFileSync(file, "utf8");
}
