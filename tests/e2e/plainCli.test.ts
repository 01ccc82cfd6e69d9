// Guards the path users take: the `pulumi` binary in a project folder (the repository root and
// every example, installed from the npm pack tarball as the examples' README says), against the
// simulator: preview writes nothing, up creates, previews after it show no change, with and
// without a refresh, and destroy deletes. ci-preview runs its workflow's own shell steps.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import {
  PLAIN_CLI_TIMEOUT,
  PlainProject,
  describePlainCli,
  installExample,
  packRepository,
  projectEnv,
  useTemporaryDir,
  workflowRunSteps,
} from "./plainCli";

const ROOT = path.resolve(__dirname, "../..");

/** What one project's lifecycle must show. */
interface Expected {
  stack: string;
  /** The names of the orgs the program declares. */
  orgs: string[];
  /** Stack outputs `pulumi up` must produce. */
  outputs: string[];
  /** Orgs that stay after destroy (adopted with retainOnDelete). */
  retained?: string[];
}

function orgNames(sim: Simulator): string[] {
  return sim.orgs().map((org) => org.name);
}

function writes(sim: Simulator): string[] {
  return sim.requests.entries
    .filter((entry) => entry.method !== "GET")
    .map((entry) => `${entry.method} ${entry.path}`);
}

/** Creates an org out of band, as someone would in Losant's console; returns its ID. */
async function createOrg(sim: Simulator, name: string): Promise<string> {
  const response = await fetch(`${sim.url}/instances/${sim.instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sim.tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 200) throw new Error(`POST org: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Registers, in order: preview (plans the orgs, sends no write), up, `preview
 * --expect-no-changes`, `preview --refresh --expect-no-changes`, destroy. `afterUp` registers
 * more tests right after up.
 */
function itRunsTheLifecycle(
  sim: () => Simulator,
  project: () => PlainProject,
  expected: Expected,
  afterUp?: () => void,
): void {
  const stack = ["--stack", expected.stack];

  it(
    `pulumi preview plans ${expected.orgs.length} org(s) and sends no write`,
    async () => {
      const { stdout } = await project().pulumi(["preview", ...stack, "--json"]);
      const plan = JSON.parse(stdout) as { changeSummary: Record<string, number> };
      // The stack itself is one more resource to create.
      expect(plan.changeSummary).toEqual({ create: expected.orgs.length + 1 });
      expect(writes(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "pulumi up creates the orgs and the stack outputs",
    async () => {
      await project().pulumi(["up", ...stack, "--yes"]);
      expect(orgNames(sim())).toEqual(expect.arrayContaining(expected.orgs));
      const { stdout } = await project().pulumi(["stack", "output", ...stack, "--json"]);
      expect(Object.keys(JSON.parse(stdout))).toEqual(expect.arrayContaining(expected.outputs));
    },
    PLAIN_CLI_TIMEOUT,
  );

  afterUp?.();

  it(
    "pulumi preview --expect-no-changes passes",
    async () => {
      await project().pulumi(["preview", ...stack, "--expect-no-changes"]);
      expect(writes(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "pulumi preview --refresh --expect-no-changes passes and sends no write",
    async () => {
      await project().pulumi(["preview", ...stack, "--refresh", "--expect-no-changes"]);
      expect(writes(sim())).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );

  it(
    "pulumi destroy deletes the orgs it owns",
    async () => {
      await project().pulumi(["destroy", ...stack, "--yes"]);
      const retained = expected.retained ?? [];
      const left = orgNames(sim());
      for (const name of expected.orgs) {
        if (retained.includes(name)) expect(left).toContain(name);
        else expect(left).not.toContain(name);
      }
    },
    PLAIN_CLI_TIMEOUT,
  );
}

describePlainCli("the plain pulumi CLI in project folders", () => {
  const sim = useSimulator();
  const tmp = useTemporaryDir("pulumi-losant-plain-cli-");
  let tarball: string;
  let projects = 0;

  beforeAll(async () => {
    tarball = await packRepository(tmp());
  }, PLAIN_CLI_TIMEOUT);

  /** A project's environment: a backend of its own, the shared PULUMI_HOME, the passphrase. */
  function env(passphrase: string, extra: Record<string, string> = {}): Record<string, string> {
    const backend = path.join(tmp(), `backend-${++projects}`);
    fs.mkdirSync(backend);
    return projectEnv(backend, path.join(tmp(), "pulumi-home"), {
      PULUMI_CONFIG_PASSPHRASE: passphrase,
      ...extra,
    });
  }

  /** The Losant settings a CI job passes: the API URL and the token in the environment. */
  function losantEnv(): Record<string, string> {
    return { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: sim().tokens.admin };
  }

  describe("the repository root: the default program on stack demo", () => {
    const demoConfig = path.join(ROOT, "Pulumi.demo.yaml");
    let project: PlainProject;
    let demoConfigBefore: string;

    beforeAll(async () => {
      demoConfigBefore = fs.readFileSync(demoConfig, "utf8");
      // The passphrase of Pulumi.demo.yaml's salt; instance, URL and token as npm start sets them.
      project = new PlainProject(
        ROOT,
        env("losant-demo", { ...losantEnv(), LOSANT_INSTANCE_ID: sim().instanceId }),
      );
      await project.pulumi(["stack", "init", "demo"]);
    }, PLAIN_CLI_TIMEOUT);

    itRunsTheLifecycle(
      sim,
      () => project,
      {
        stack: "demo",
        orgs: ["Acme Manufacturing", "Globex Field Services"],
        outputs: ["orgs", "usage", "summary", "window"],
      },
      () => {
        it(
          "the summary output shows each org's usage",
          async () => {
            const { stdout } = await project.pulumi([
              "stack",
              "output",
              "summary",
              "--stack",
              "demo",
            ]);
            expect(stdout).toMatch(/Acme Manufacturing\s+devices \S+ \d+ \(peak \d+\)/);
            expect(stdout).toMatch(/Globex Field Services\s+devices/);
          },
          PLAIN_CLI_TIMEOUT,
        );
      },
    );

    it("leaves the repository's Pulumi.demo.yaml as it was", () => {
      expect(fs.readFileSync(demoConfig, "utf8")).toBe(demoConfigBefore);
    });
  });

  describe("examples/basic, the token as secret config", () => {
    let project: PlainProject;

    beforeAll(async () => {
      const dir = await installExample("basic", tmp(), tarball);
      project = new PlainProject(dir, env(randomBytes(8).toString("hex")));
      await project.pulumi(["stack", "init", "dev"]);
      await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
      await project.pulumi(["config", "set", "losant:apiUrl", sim().url]);
      // On stdin, as a CI job pipes a secret in: never on a command line.
      await project.pulumi(["config", "set", "--secret", "losant:apiToken"], sim().tokens.admin);
    }, PLAIN_CLI_TIMEOUT);

    itRunsTheLifecycle(sim, () => project, {
      stack: "dev",
      orgs: ["Acme Manufacturing"],
      outputs: ["orgId", "orgName", "deviceLimit"],
    });

    it("never writes the token in clear: not in the state, the config file or the output", () => {
      const token = sim().tokens.admin;
      expect(project.backendText()).not.toContain(token);
      expect(fs.readFileSync(path.join(project.dir, "Pulumi.dev.yaml"), "utf8")).not.toContain(
        token,
      );
      expect(project.log).not.toContain(token);
    });
  });

  describe("examples/adopt-existing", () => {
    let project: PlainProject;
    let orgId: string;

    beforeAll(async () => {
      orgId = await createOrg(sim(), "Legacy Customer");
      const dir = await installExample("adopt-existing", tmp(), tarball);
      project = new PlainProject(dir, env(randomBytes(8).toString("hex"), losantEnv()));
      await project.pulumi(["stack", "init", "dev"]);
      await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
      await project.pulumi(["config", "set", "orgId", orgId]);
    }, PLAIN_CLI_TIMEOUT);

    itRunsTheLifecycle(
      sim,
      () => project,
      {
        stack: "dev",
        orgs: ["Legacy Customer"],
        outputs: ["orgId", "orgName", "deviceLimit"],
        retained: ["Legacy Customer"],
      },
      () => {
        it("up adopted the org: the declared fields patched, no org created", () => {
          const adopted = sim()
            .orgs()
            .filter((org) => org.name === "Legacy Customer");
          expect(adopted.map((org) => org.id)).toEqual([orgId]);
          expect(adopted[0].limits?.device).toBe(250);
          expect(adopted[0].mfaMode).toBe("required");
        });

        it("the plan said the org would be adopted, not created", () => {
          expect(project.log).toContain(
            `InstanceOrg adopts the existing org ${orgId} of instance ${sim().instanceId}: ` +
              "no org is created (no POST)",
          );
        });

        it(
          "a preview moving orgId to another org warns that it deletes the org held",
          async () => {
            const other = await createOrg(sim(), "Another Customer");
            await project.pulumi(["config", "set", "orgId", other]);
            sim().requests.reset();
            try {
              const { stdout } = await project.pulumi(["preview", "--stack", "dev"]);
              expect(stdout).toContain(
                `orgId changes from ${orgId} to ${other}: this replaces the resource, so ` +
                  `Pulumi adopts ${other} and then DELETES org ${orgId} ("Legacy Customer")`,
              );
            } finally {
              await project.pulumi(["config", "set", "orgId", orgId]);
            }
            expect(writes(sim())).toEqual([]);
          },
          PLAIN_CLI_TIMEOUT,
        );
      },
    );
  });

  describe("examples/usage-outputs", () => {
    let project: PlainProject;

    beforeAll(async () => {
      const watched = await createOrg(sim(), "Watched Org");
      const dir = await installExample("usage-outputs", tmp(), tarball);
      project = new PlainProject(dir, env(randomBytes(8).toString("hex"), losantEnv()));
      await project.pulumi(["stack", "init", "dev"]);
      await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
      await project.pulumi(["config", "set", "watchedOrgId", watched]);
    }, PLAIN_CLI_TIMEOUT);

    itRunsTheLifecycle(sim, () => project, {
      stack: "dev",
      orgs: ["Acme Manufacturing"],
      outputs: ["usageWindow", "acmeDevices", "acmeNotebookMinutes", "acmePayloads", "watched"],
    });
  });

  describe("examples/ci-preview, with its workflow's shell steps", () => {
    const WORKFLOW = path.join(ROOT, "examples/ci-preview/.github/workflows/preview.yml");
    let project: PlainProject;
    const steps = workflowRunSteps(WORKFLOW);

    /**
     * Runs the workflow's shell steps in order, as a run of the given kind would; `from` skips
     * the steps before the one of that name (npm ci takes a minute; the first run proves it).
     */
    async function runWorkflow(failOnChanges: boolean, from?: string): Promise<string> {
      let output = "";
      const first = from === undefined ? 0 : steps.findIndex((step) => step.name === from);
      for (const step of steps.slice(first)) {
        const result = await project.bash(step.run, {
          STACK: "prod",
          FAIL_ON_CHANGES: String(failOnChanges),
        });
        output += result.stdout + result.stderr;
        if (result.code !== 0) {
          throw Object.assign(new Error(`step "${step.name}" exited ${result.code}:\n${output}`), {
            output,
          });
        }
      }
      return output;
    }

    beforeAll(async () => {
      // Set up as its README says: install (which writes the package-lock.json npm ci needs),
      // create the stack, put the instance's ID in Pulumi.prod.yaml, pulumi up.
      const dir = await installExample("ci-preview", tmp(), tarball);
      project = new PlainProject(dir, env(randomBytes(8).toString("hex"), losantEnv()));
      await project.pulumi(["stack", "init", "prod"]);
      await project.pulumi(["config", "set", "instanceId", sim().instanceId, "--stack", "prod"]);
    }, PLAIN_CLI_TIMEOUT);

    it("the workflow's shell steps are npm ci, pulumi login and the preview", () => {
      expect(steps.map((step) => step.name)).toEqual([
        "Install dependencies",
        "Log in to the state backend",
        "pulumi preview",
      ]);
    });

    itRunsTheLifecycle(
      sim,
      () => project,
      { stack: "prod", orgs: ["Field Services"], outputs: ["orgId"] },
      () => {
        it(
          "a pull request's run (npm ci, pulumi login, preview --diff --refresh) passes",
          async () => {
            const output = await runWorkflow(false);
            // --diff lists changes only: the org and the stack are unchanged.
            expect(output).toMatch(/^\s+2 unchanged$/m);
            expect(writes(sim())).toEqual([]);
          },
          PLAIN_CLI_TIMEOUT,
        );

        it(
          "a nightly run's preview (--expect-no-changes) passes while nothing drifted",
          async () => {
            await runWorkflow(true, "pulumi preview");
            expect(writes(sim())).toEqual([]);
          },
          PLAIN_CLI_TIMEOUT,
        );

        it(
          "a nightly run's preview fails once the org drifted in Losant; pulumi up puts it back",
          async () => {
            const org = sim()
              .orgs()
              .find((o) => o.name === "Field Services")!;
            const drift = await fetch(`${sim().url}/instances/${sim().instanceId}/orgs/${org.id}`, {
              method: "PATCH",
              headers: {
                Authorization: `Bearer ${sim().tokens.admin}`,
                "Content-Type": "application/json",
              },
              body: JSON.stringify({ limits: { device: 999 } }),
            });
            expect(drift.status).toBe(200);
            await expect(runWorkflow(true, "pulumi preview")).rejects.toThrow(
              /step "pulumi preview" exited/,
            );
            await project.pulumi(["up", "--stack", "prod", "--yes", "--refresh"]);
            const restored = sim()
              .orgs()
              .find((o) => o.id === org.id)!;
            expect(restored.limits?.device).toBe(200);
          },
          PLAIN_CLI_TIMEOUT,
        );
      },
    );
  });

  describe("examples/unit-testing: its own jest tests, and its program on the CLI", () => {
    let project: PlainProject;

    beforeAll(async () => {
      const dir = await installExample("unit-testing", tmp(), tarball);
      project = new PlainProject(dir, env(randomBytes(8).toString("hex"), losantEnv()));
      await project.pulumi(["stack", "init", "dev"]);
      await project.pulumi(["config", "set", "instanceId", sim().instanceId]);
      await project.pulumi(["config", "set", "customer", "initech"]);
      await project.pulumi(["config", "set", "displayName", "Initech"]);
    }, PLAIN_CLI_TIMEOUT);

    it(
      "npm test runs its jest tests against the installed package and they pass",
      async () => {
        const result = await project.bash("npm test");
        expect(`${result.stdout}${result.stderr}`).toMatch(/Tests:\s+\d+ passed/);
        expect(result.code).toBe(0);
      },
      PLAIN_CLI_TIMEOUT,
    );

    itRunsTheLifecycle(sim, () => project, {
      stack: "dev",
      orgs: ["Initech"],
      outputs: ["orgId", "orgName"],
    });
  });
});
