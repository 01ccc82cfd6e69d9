/**
 * The batched-read check: whether this instance answers a refresh's reads with one list
 * request, as `provider/losant/readBatch.ts` asks for them, and whether each org it returns
 * is the org its own GET returns. Read-only.
 */
import { isDeepStrictEqual } from "node:util";
import { ORG_OUTPUT_FIELDS } from "../../provider/losant/org";
import { OrgReadBatcher } from "../../provider/losant/readBatch";
import type { InstanceOrg } from "../../provider/losant/types.generated";
import type { ProbeContext } from "./context";
import { runCheck } from "./findings";

const CHECK = "batched reads (refresh)";

/** Fields the server sets on its own and may change between two reads. */
const VOLATILE = new Set(["lastUpdated", "summary"]);

/**
 * Reads `orgs` (two at least: one org is read twice) through the provider's batcher, then
 * each by its own GET, and records what the batcher sent and any field that differs.
 */
export async function batchedReads(
  context: ProbeContext,
  orgs: readonly InstanceOrg[],
): Promise<void> {
  const { client, instanceId, record } = context;
  if (orgs.length === 0) {
    record.note(CHECK, "skipped: no org to read (--write creates one)");
    return;
  }
  await runCheck(record, CHECK, async () => {
    const targets = orgs.length === 1 ? [orgs[0], orgs[0]] : orgs;
    const batcher = new OrgReadBatcher(() => client);
    const batched = await Promise.all(
      targets.map((org) =>
        batcher.read({ instanceId, orgId: org.id!, name: org.name, summaryInclude: [] }),
      ),
    );
    const differing = new Set<string>();
    for (const [i, org] of batched.entries()) {
      const own = await client.getOrg(instanceId, targets[i].id!);
      for (const field of differingFields(org, own)) differing.add(field);
    }
    const { lists, gets } = batcher.stats;
    const sent = `${lists} list${lists === 1 ? "" : "s"} and ${gets} GET${gets === 1 ? "" : "s"} for ${targets.length} reads`;
    const how = batcher.stoppedBecause
      ? `each read is a GET (${batcher.stoppedBecause})`
      : gets === 0
        ? "batched"
        : "partly batched";
    const same =
      differing.size === 0
        ? "each org as its GET answers it"
        : `differs from the GET in: ${[...differing].join(", ")}`;
    record.note(CHECK, `${how}: ${sent}; ${same}`);
  });
}

function differingFields(a: InstanceOrg, b: InstanceOrg): string[] {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  return ["id", ...ORG_OUTPUT_FIELDS].filter(
    (field) => !VOLATILE.has(field) && !isDeepStrictEqual(left[field], right[field]),
  );
}
