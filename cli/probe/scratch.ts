/**
 * The scratch org of `--write`: created with an unmistakable name, and deleted whatever
 * happens, including when a create is still in flight as the probe is interrupted.
 */
import type { InstanceOrg, InstanceOrgPost, LosantClient } from "../../provider/losant";
import { statusOf } from "./context";

/** Every scratch org's name starts with this, so a leftover is easy to spot and delete. */
export const SCRATCH_PREFIX = "pulumi-losant-probe-";

/** A scratch org name for the time `nowMs`, such as `pulumi-losant-probe-20240102T030405Z`. */
export function scratchName(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]|\.\d{3}/g, "");
  return `${SCRATCH_PREFIX}${stamp}`;
}

/** One scratch org's life: created once, removed at most once. */
export class ScratchOrg {
  private creating: Promise<InstanceOrg> | undefined;
  private removing: Promise<string> | undefined;

  constructor(
    private readonly client: LosantClient,
    private readonly instanceId: string,
  ) {}

  /** Creates the org. @throws LosantApiError when the create fails */
  create(body: InstanceOrgPost): Promise<InstanceOrg> {
    this.creating = this.client.createOrg(this.instanceId, body);
    return this.creating;
  }

  /**
   * Deletes the org if it was (or is being) created. Safe to call more than once.
   * @returns what happened, for the findings table (never throws).
   */
  remove(): Promise<string> {
    this.removing ??= this.deleteCreated();
    return this.removing;
  }

  private async deleteCreated(): Promise<string> {
    if (!this.creating) return "nothing to delete";
    let id: string | undefined;
    try {
      id = (await this.creating).id;
    } catch {
      return "not created";
    }
    if (id === undefined) return "created without an ID: delete it by hand";
    try {
      await this.client.deleteOrg(this.instanceId, id);
      return `deleted ${id}`;
    } catch (error) {
      if (statusOf(error) === 404) return `already gone ${id}`;
      const message = error instanceof Error ? error.message : String(error);
      return `NOT deleted ${id}: ${message}; delete it by hand`;
    }
  }
}
