// Guards org membership as code on the path users take: examples/members installed from the
// npm pack tarball, the plain `pulumi` CLI, the simulator. 3 orgs with 4 members each; then a
// role changed, a member removed and one added send exactly those three requests; a preview
// afterwards shows no change; a member removed out of band comes back after refresh and up.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import type { Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { writesSeen } from "./api";
import {
  PLAIN_CLI_TIMEOUT,
  PlainProject,
  describePlainCli,
  installedExampleStack,
  useTemporaryDir,
} from "./plainCli";

const ORGS = ["Acme Manufacturing", "Globex Field Services", "Initech Labs"];
const STACK = ["--stack", "dev"];
const MEMBERS = "/instances/:instanceId/orgs/:orgId/members";
const MEMBER = `${MEMBERS}/:userId`;

type Teams = Record<string, Array<{ email: string; role: string }>>;

/** Who belongs where: the first four seeded users in every org, the first one admin. */
function initialTeams(sim: Simulator): Teams {
  const [ada, grace, alan, katherine] = sim.users();
  return Object.fromEntries(
    ORGS.map((org) => [
      org,
      [
        { email: ada.email, role: "admin" },
        { email: grace.email, role: "edit" },
        { email: alan.email, role: "view" },
        { email: katherine.email, role: "view" },
      ],
    ]),
  );
}

function orgIdOf(sim: Simulator, name: string): string {
  return sim.orgs().find((org) => org.name === name)!.id;
}

function rolesIn(sim: Simulator, org: string): Record<string, string | undefined> {
  return Object.fromEntries(
    sim.members(orgIdOf(sim, org)).map((member) => [member.email, member.role]),
  );
}

describePlainCli("examples/members on the plain pulumi CLI", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-members-");
  let project: PlainProject;
  let teams: Teams;

  /** Writes `teams` into the stack's config file, as `pulumi config set --path` would. */
  function setTeams(next: Teams): void {
    teams = next;
    const file = path.join(project.dir, "Pulumi.dev.yaml");
    const settings = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as {
      config?: Record<string, unknown>;
    };
    settings.config = { ...settings.config, "losant-members:teams": next };
    fs.writeFileSync(file, yaml.dump(settings));
  }

  beforeAll(async () => {
    project = await installedExampleStack("members", tmp(), sim());
    setTeams(initialTeams(sim()));
  }, PLAIN_CLI_TIMEOUT);

  it(
    "up creates 3 orgs and 12 memberships, and counts each org's admins",
    async () => {
      await project.pulumi(["up", ...STACK, "--yes"]);
      const writes = writesSeen(sim());
      expect(writes.filter((w) => w === `POST ${MEMBERS}`)).toHaveLength(12);
      for (const org of ORGS) expect(Object.keys(rolesIn(sim(), org))).toHaveLength(4);
      const { stdout } = await project.pulumi(["stack", "output", "adminCounts", ...STACK]);
      expect(JSON.parse(stdout)).toEqual(Object.fromEntries(ORGS.map((org) => [org, 1])));
    },
    PLAIN_CLI_TIMEOUT,
  );

  it("stores the provider by reference and never the token", () => {
    const state = project.backendText();
    expect(state).toContain("pulumi-losant/dist/provider/instanceOrgMemberProvider.js");
    expect(state).not.toContain(sim().tokens.admin);
    expect(project.log).not.toContain(sim().tokens.admin);
  });

  it(
    "preview --expect-no-changes passes and sends no write",
    async () => {
      await project.pulumi(["preview", ...STACK, "--expect-no-changes"]);
      expect(writesSeen(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "a role changed, a member removed and one added send exactly one PATCH, DELETE and POST",
    async () => {
      const [ada, grace, alan, , edsger] = sim().users();
      const next = structuredClone(teams);
      next[ORGS[0]][1].role = "collaborate";
      next[ORGS[1]] = next[ORGS[1]].filter((m) => m.email !== alan.email);
      next[ORGS[2]].push({ email: edsger.email, role: "view" });
      setTeams(next);
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(writesSeen(sim()).sort()).toEqual(
        [`PATCH ${MEMBER}`, `DELETE ${MEMBER}`, `POST ${MEMBERS}`].sort(),
      );
      expect(rolesIn(sim(), ORGS[0])[grace.email]).toBe("collaborate");
      expect(rolesIn(sim(), ORGS[1])).not.toHaveProperty(alan.email);
      expect(rolesIn(sim(), ORGS[2])[edsger.email]).toBe("view");
      expect(rolesIn(sim(), ORGS[2])[ada.email]).toBe("admin");
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "preview --refresh --expect-no-changes passes after the update",
    async () => {
      await project.pulumi(["preview", ...STACK, "--refresh", "--expect-no-changes"]);
      expect(writesSeen(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "a member removed out of band comes back after refresh and up",
    async () => {
      const [, , , katherine] = sim().users();
      const orgId = orgIdOf(sim(), ORGS[0]);
      const response = await fetch(
        `${sim().url}/instances/${sim().instanceId}/orgs/${orgId}/members/${katherine.id}`,
        { method: "DELETE", headers: { Authorization: `Bearer ${sim().tokens.admin}` } },
      );
      expect(response.status).toBe(200);
      sim().requests.reset();
      await project.pulumi(["refresh", ...STACK, "--yes"]);
      await project.pulumi(["up", ...STACK, "--yes"]);
      expect(writesSeen(sim())).toEqual([`POST ${MEMBERS}`]);
      expect(rolesIn(sim(), ORGS[0])[katherine.email]).toBe("view");
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "a refresh with an invalid token says so once per resource, with no stack trace",
    async () => {
      const { stdout } = await project.pulumi(["stack", "export", ...STACK]);
      const managed = (
        JSON.parse(stdout).deployment.resources as Array<{ type: string; urn: string }>
      ).filter((r) => /:InstanceOrg(Member)?$/.test(r.type));
      const result = await project.bash(
        `pulumi preview ${STACK.join(" ")} --refresh --non-interactive`,
        { LOSANT_API_TOKEN: "not-a-valid-token" },
      );
      const output = result.stdout + result.stderr;
      expect(result.code).not.toBe(0);
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      const hint = /The API token is invalid or expired/g;
      expect(diagnostics.match(hint)).toHaveLength(managed.length);
      for (const resource of managed) {
        const name = resource.urn.split("::").pop()!;
        expect(diagnostics).toContain(`(${name}):\n    error: Preview failed: Losant API`);
      }
      expect(output).not.toMatch(/\.ts:\d+/);
      expect(output).not.toContain("LosantApiError");
      expect(output).not.toMatch(/scope/i);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "destroy removes the memberships and the orgs",
    async () => {
      await project.pulumi(["destroy", ...STACK, "--yes"]);
      const left = sim()
        .orgs()
        .map((org) => org.name);
      for (const org of ORGS) expect(left).not.toContain(org);
    },
    PLAIN_CLI_TIMEOUT,
  );
});
