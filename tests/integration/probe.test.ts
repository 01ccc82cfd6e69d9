/**
 * The conformance probe against the simulator, over real HTTP. `jest.config.js` runs this
 * file once per named profile (LOSANT_SIM_PROFILE), and in each the probe must name that
 * profile: this is what tells a user with a real instance which profile it behaves like.
 */
import { runProbe } from "../../cli/probe";
import type { CommandIo } from "../../cli/io";
import { SCRATCH_PREFIX } from "../../cli/probe/scratch";
import { PROFILE_ENV } from "../../simulator";
import { useSimulator } from "../helpers/simulator";

const expectedProfile = process.env[PROFILE_ENV] || "documented";
const sim = useSimulator();

/** A probe run's output and the interrupt handler it registered. */
interface Run {
  io: CommandIo;
  out: string[];
  interrupt: () => void;
}

function probeIo(): Run {
  const run: Run = {
    out: [],
    interrupt: () => undefined,
    io: {
      write: (text) => run.out.push(text),
      error: (text) => run.out.push(text),
      env: {
        LOSANT_API_URL: sim().url,
        LOSANT_API_TOKEN: sim().tokens.admin,
        LOSANT_INSTANCE_ID: sim().instanceId,
      },
      now: Date.now,
      onInterrupt: (handler) => {
        run.interrupt = handler;
      },
    },
  };
  return run;
}

const scratchOrgs = () =>
  sim()
    .orgs()
    .filter((org) => org.name.includes(SCRATCH_PREFIX));

beforeAll(async () => {
  // The read-only run needs an org to read usage from.
  const response = await fetch(`${sim().url}/instances/${sim().instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sim().tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Existing org" }),
  });
  expect(response.status).toBe(200);
});

/** --write, with a user the member checks may add where unknown emails are refused. */
const writeArgs = () => ["--write", "--member-email", sim().users()[1].email];

it(`names the simulator's profile (${expectedProfile}) with --write`, async () => {
  const run = probeIo();
  const result = await runProbe(writeArgs(), run.io);
  const output = run.out.join("");
  expect(result.consistent).toEqual([expectedProfile]);
  expect(output).toContain(`Matches simulator profile: ${expectedProfile}`);
  expect(result.exitCode).toBe(0);
});

it("finds every answer valid against the official schemas", async () => {
  const run = probeIo();
  await runProbe(writeArgs(), run.io);
  expect(run.out.join("")).not.toContain("VIOLATION");
});

it("deletes its scratch org after --write", async () => {
  await runProbe(["--write"], probeIo().io);
  expect(scratchOrgs()).toEqual([]);
  const orgDeletes = { method: "DELETE", route: "DELETE /instances/:instanceId/orgs/:orgId" };
  expect(sim().requests.count(orgDeletes)).toBe(1);
});

it("only reads without --write, and its profile is among those it finds consistent", async () => {
  const before = sim().orgs();
  const run = probeIo();
  const result = await runProbe([], run.io);
  expect(sim().requests.entries.filter((entry) => entry.method !== "GET")).toEqual([]);
  expect(sim().orgs()).toEqual(before);
  expect(result.consistent).toContain(expectedProfile);
  expect(result.observed).toEqual({
    negativeTimes: expect.any(String) as unknown,
    hourlyRetention: expect.any(String) as unknown,
  });
});

it("reads the listed orgs with one list request, each as its GET answers it", async () => {
  const run = probeIo();
  await runProbe([], run.io);
  expect(run.out.join("")).toMatch(
    /batched reads \(refresh\)\s+batched: 1 list and 0 GETs for \d reads; each org as its GET answers it/,
  );
});

it("deletes the scratch org when a later step fails, and exits 2", async () => {
  sim().faults.add({ kind: "status", status: 500, method: "PATCH", probability: 1 });
  const run = probeIo();
  const result = await runProbe(["--write"], run.io);
  expect(result.exitCode).toBe(2);
  expect(scratchOrgs()).toEqual([]);
  expect(run.out.join("")).toMatch(/delete scratch org\s+deleted [0-9a-f]{24}/);
});

it("deletes the scratch org when interrupted mid-run, and exits 130", async () => {
  sim().faults.add({ kind: "latency", ms: 1_000, method: "GET" });
  const run = probeIo();
  const pending = runProbe(["--write"], run.io);
  // Interrupt once the scratch org exists, while the probe waits on the slow GET.
  while (scratchOrgs().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  run.interrupt();
  const result = await pending;
  expect(result.exitCode).toBe(130);
  expect(scratchOrgs()).toEqual([]);
});

it("names the missing instance and exits 2 before any request", async () => {
  const run = probeIo();
  delete run.io.env.LOSANT_INSTANCE_ID;
  const result = await runProbe([], run.io);
  expect(result.exitCode).toBe(2);
  expect(run.out.join("")).toContain("--instance-id or LOSANT_INSTANCE_ID");
  expect(sim().requests.entries).toEqual([]);
});
