import fs from "node:fs";
import path from "node:path";
import {
  LosantClient,
  isLosantApiError,
  type FetchLike,
  type InstanceOrg,
  type InstanceOrgMember,
} from "../../provider/losant";
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from "./args";
import { chooseFormat, type ImportFormat } from "./format";
import { settleTarget, stackName, type ImportContext, type ImportTarget } from "./connection";
import { declarations, type OrgDeclaration } from "./declarations";
import { ImportError } from "./errors";
import { renderPulumiImport, renderStackConfig, renderTypeScript } from "./render";
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
  const format = chooseFormat(args.format, io.cwd);
  const target = await settleTarget(io, args.instanceId, args.stack);
  const client = new LosantClient({
    ...target.connection,
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  const all = await listInstance(client, target);
  const selected = selectOrgs(all, args.selection);
  const members =
    args.members && !args.list && format !== "pulumi-import"
      ? await membersOf(client, target, selected)
      : undefined;
  const declared = declarations(all, selected, { ...args, members });
  if (args.list) {
    for (const { resource, orgId, values } of declared) {
      io.print(`${resource}\t${orgId}\t${String(values.name ?? "")}`);
    }
    io.print(`${declared.length} of ${all.length} orgs selected`);
    return { total: all.length, declared };
  }
  const file = path.resolve(io.cwd, await outputFile(args, format, io));
  const existing = readExisting(file, args.force);
  const text =
    format === "ts"
      ? renderTypeScript(target.instanceId, declared, `instance ${target.instanceId}`)
      : format === "pulumi-import"
        ? renderPulumiImport(target.instanceId, declared)
        : renderStackConfig(target.instanceId, declared, existing);
  fs.writeFileSync(file, text, { flag: args.force ? "w" : "wx" });
  const relative = path.relative(io.cwd, file);
  const memberCount = declared.reduce((n, org) => n + (org.members?.length ?? 0), 0);
  const withMembers = members === undefined ? "" : ` and their ${memberCount} members`;
  io.print(`Wrote ${declared.length} of ${all.length} orgs${withMembers} to ${relative}.`);
  for (const line of nextSteps(format, relative)) io.print(line);
  return { file, total: all.length, declared };
}

/** What to do after the import, true for the format written. */
function nextSteps(format: ImportFormat, file: string): string[] {
  const adopt = "adopts them with no write (0 POST, 0 PATCH), then";
  const check = "`pulumi preview --expect-no-changes` confirms the code matches the instance.";
  if (format === "yaml") {
    return [`Next: \`pulumi up\` of the default program ${adopt}`, check];
  }
  if (format === "pulumi-import") {
    return [
      `Next: \`pulumi import --file ${file} --skip-preview --out orgs.yaml\` adopts them with the`,
      "losant plugin (reads only: 0 POST, 0 PATCH) and writes their declarations; add those",
      `to your program, then ${check}`,
    ];
  }
  const module = `./${file.replace(/\\/g, "/").replace(/\.ts$/, "")}`;
  return [
    `Next: add \`import ${JSON.stringify(module)};\` to your program (index.ts); \`pulumi up\` then`,
    `${adopt} ${check}`,
  ];
}

/** How many orgs' member lists are read at once. */
const MEMBER_READS_AT_ONCE = 8;

/** The members of each selected org, by org ID: one list request per org. */
async function membersOf(
  client: LosantClient,
  target: ImportTarget,
  orgs: readonly InstanceOrg[],
): Promise<Map<string, InstanceOrgMember[]>> {
  const found = new Map<string, InstanceOrgMember[]>();
  const ids = orgs.map((org) => org.id ?? org.orgId ?? "");
  for (let i = 0; i < ids.length; i += MEMBER_READS_AT_ONCE) {
    await Promise.all(
      ids.slice(i, i + MEMBER_READS_AT_ONCE).map(async (orgId) => {
        const list = await client.listMembers(target.instanceId, orgId);
        found.set(orgId, list.items ?? []);
      }),
    );
  }
  return found;
}

async function listInstance(client: LosantClient, target: ImportTarget): Promise<InstanceOrg[]> {
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

async function outputFile(
  args: ImportArgs,
  format: ImportFormat,
  context: ImportContext,
): Promise<string> {
  if (args.out !== undefined) return args.out;
  if (format === "ts") return "orgs.ts";
  if (format === "pulumi-import") return "import.json";
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
