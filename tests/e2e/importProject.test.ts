// Guards `pulumi-losant import` where users run it: in their own Pulumi project (the package
// installed from the npm pack tarball, no default program), against an instance of 200 orgs
// with 5 members each. Without flags it writes a TypeScript module; the program imports it,
// `pulumi up` adopts every org and membership with 0 POST and 0 PATCH, and the next preview
// shows no change.
import fs from "node:fs";
import path from "node:path";
import { LosantClient } from "../../provider";
import { useSimulator } from "../helpers/simulator";
import { writesSeen } from "./api";
import {
  PLAIN_CLI_TIMEOUT,
  PlainProject,
  describePlainCli,
  installedExampleStack,
  runCommand,
  useTemporaryDir,
} from "./plainCli";

const ORGS = 200;
const MEMBERS_PER_ORG = 5;
const STACK = ["--stack", "dev"];

describePlainCli("pulumi-losant import in a user's project, then the plain pulumi CLI", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-import-project-");
  let project: PlainProject;

  beforeAll(async () => {
    const client = new LosantClient({ token: sim().tokens.admin, url: sim().url });
    const users = sim().users().slice(0, MEMBERS_PER_ORG);
    for (let i = 0; i < ORGS; i += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, ORGS - i) }, async (_, j) => {
          const org = await client.createOrg(sim().instanceId, {
            name: `Customer ${i + j}`,
            limits: (i + j) % 10 === 0 ? { device: 10 } : undefined,
          });
          for (const [k, user] of users.entries()) {
            await client.addMember(sim().instanceId, org.id!, {
              userId: user.id,
              role: k === 0 ? "admin" : "view",
            });
          }
        }),
      );
    }
    // A user's project: examples/members, with no org of its own declared.
    project = await installedExampleStack("members", tmp(), sim());
    await project.pulumi(["config", "set", "teams", "{}"]);
  }, PLAIN_CLI_TIMEOUT);

  it(
    "writes a TypeScript module of every org and membership, and says to import it",
    async () => {
      const bin = path.join(project.dir, "node_modules/.bin/pulumi-losant");
      const result = await runCommand(bin, ["import", "--instance-id", sim().instanceId], {
        cwd: project.dir,
        env: project.env,
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `Wrote ${ORGS} of ${ORGS} orgs and their ${ORGS * MEMBERS_PER_ORG} members to orgs.ts.`,
      );
      expect(result.stdout).toContain('add `import "./orgs";` to your program');
      expect(fs.existsSync(path.join(project.dir, "Pulumi.dev.yaml"))).toBe(true);
      expect(fs.readFileSync(path.join(project.dir, "Pulumi.dev.yaml"), "utf8")).not.toContain(
        "losant-orgs",
      );
      expect(writesSeen(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "pulumi up adopts every org and membership with 0 POST and 0 PATCH",
    async () => {
      const index = path.join(project.dir, "index.ts");
      // What the import told the user to do, and nothing more.
      fs.writeFileSync(index, `import "./orgs";\n${fs.readFileSync(index, "utf8")}`);
      // As docs/importing-and-adopting.md advises for a first adoption: one checkpoint at the
      // end, not one per resource (each rewrites the whole state: N² work for N resources).
      await project.pulumi(["up", ...STACK, "--yes"], undefined, {
        PULUMI_SKIP_CHECKPOINTS: "true",
      });
      expect(writesSeen(sim())).toEqual([]);
      const { stdout } = await project.pulumi(["stack", "export", ...STACK]);
      const types = (JSON.parse(stdout).deployment.resources as Array<{ type: string }>).map(
        (r) => r.type,
      );
      expect(types.filter((t) => t.endsWith(":InstanceOrg"))).toHaveLength(ORGS);
      expect(types.filter((t) => t.endsWith(":InstanceOrgMember"))).toHaveLength(
        ORGS * MEMBERS_PER_ORG,
      );
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "pulumi preview --expect-no-changes passes afterwards",
    async () => {
      await project.pulumi(["preview", ...STACK, "--expect-no-changes"]);
      expect(writesSeen(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );
});
