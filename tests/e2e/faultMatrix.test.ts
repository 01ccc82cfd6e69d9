// The engine fault matrix: every step of InstanceOrg (create, update, refresh, adopt, delete)
// on the real engine, against each fault the network or the server can throw at it (429, 503,
// a reset connection, a connection dropped after the change was applied, an answer slower than
// the client's timeout). Guards the promise that no fault duplicates, orphans or loses an org:
// after the run, and after one rerun where the first run failed, the server's orgs are the
// state's orgs exactly, and a failure tells the user which org, which step and what to do.
//
// One stack carries every cell: each fault of each mode lives in an instance of its own, so one
// engine operation runs one step against all ten at once, and the waits of the slow faults
// overlap. A `transient` fault fires once (the client's retries or its lookup absorb it); a
// `persistent` one fires on every attempt, so the step fails unless the request was applied.
import type { Fault, FaultRule, Simulator } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { createOrg } from "./api";
import {
  describeEngine,
  ENGINE_TIMEOUT,
  useEngineStack,
  type EngineStack,
  type ProgramSpec,
} from "./engine";
import { TEMPORARY_FAILURE_HINT } from "../../provider/losant/errors";
import { useSourceTreeProgram } from "./programDir";
import { useEnv } from "./env";
import { messageFor, renderMatrix, type Cell } from "./matrixReport";

const TYPE = "pulumi-nodejs:dynamic/losant:InstanceOrg";
/** The client's per-request timeout in the provider for this file: "slow" answers exceed it. */
const TIMEOUT_MS = 1000;
/** How long the provider keeps retrying one request here. */
const RETRY_DEADLINE_MS = 4000;

type FaultName = "429" | "503" | "reset" | "drop" | "slow";
const FAULTS: Record<FaultName, Fault> = {
  "429": { kind: "rateLimit", retryAfterSeconds: 1 },
  "503": { kind: "status", status: 503 },
  reset: { kind: "reset" },
  drop: { kind: "dropAfterApply" },
  slow: { kind: "latency", ms: TIMEOUT_MS * 2.5 },
};
const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];
type Step = "create" | "update" | "refresh" | "adopt" | "delete";
const STEPS: Step[] = ["create", "update", "refresh", "adopt", "delete"];
/**
 * The request each step's fault hits: its method, on one org or on every path under the
 * collection. Refresh faults both: reads the engine asks for together share one list request.
 */
const TARGET: Record<Step, { method: string; onOrg: boolean }> = {
  create: { method: "POST", onOrg: false },
  update: { method: "PATCH", onOrg: true },
  refresh: { method: "GET", onOrg: false },
  adopt: { method: "PATCH", onOrg: true },
  delete: { method: "DELETE", onOrg: true },
};
type Mode = "transient" | "persistent";
const MODES: Mode[] = ["transient", "persistent"];
/** The API action each step's failure names (a refresh: the list, or one org's GET). */
const ACTION: Record<Step, RegExp> = {
  create: /Losant API instanceOrgs\.post/,
  update: /Losant API instanceOrg\.patch/,
  refresh: /Losant API instanceOrgs?\.get/,
  adopt: /Losant API instanceOrg\.patch/,
  delete: /Losant API instanceOrg\.delete/,
};

/**
 * Server against state in one mode's instances: the cells of the table, from both. An orphan
 * is an org on the server that no state holds, other than one `waiting` to be adopted: an
 * operation that fails stops the engine from starting the steps it has not started yet, so an
 * org declared for adoption may still be outside the state after it (the rerun adopts it).
 */
function compare(
  sim: Simulator,
  deployment: Deployment,
  instanceIds: string[],
  waiting: ReadonlySet<string> = new Set(),
) {
  const stateIds = new Set(
    (deployment.resources ?? [])
      .filter((r) => r.type === TYPE)
      // By its inputs: an org whose adoption failed half-way may have no outputs yet.
      .filter((r) => instanceIds.includes(String((r.inputs ?? r.outputs)?.instanceId)))
      .map((r) => r.id!),
  );
  const server = instanceIds.flatMap((instanceId) => sim.orgs(instanceId));
  const names = server.map((org) => org.name);
  return {
    server: server.length,
    state: stateIds.size,
    duplicates: names.length - new Set(names).size,
    orphans: server.filter((org) => !stateIds.has(org.id) && !waiting.has(org.id)).length,
    missing: [...stateIds].filter((id) => !server.some((org) => org.id === id)).length,
    serverNames: names.sort(),
  };
}
type Comparison = ReturnType<typeof compare>;
type Deployment = Awaited<ReturnType<EngineStack["exportStack"]>>;

/** What one step did in one mode: the server against the state after the run and the rerun. */
interface Outcome {
  /** The failed run's output, when it failed. */
  error?: string;
  first: Comparison;
  after: Comparison;
}

describeEngine("the engine fault matrix", () => {
  // A persistent fault is retried until the deadline (60 s by default): 4 s, room for three
  // attempts of a 1 s Retry-After or timeout, proves the same.
  useEnv(() => ({
    LOSANT_API_TIMEOUT_MS: String(TIMEOUT_MS),
    LOSANT_API_RETRY_DEADLINE_MS: String(RETRY_DEADLINE_MS),
  }));
  const sim = useSimulator();
  const program = useSourceTreeProgram();
  const stack = useEngineStack(sim, program);
  const cells: Cell[] = [];
  const instances = { transient: {}, persistent: {} } as Record<Mode, Record<FaultName, string>>;
  let orgs: ProgramSpec["orgs"] = {};

  beforeAll(() => {
    for (const mode of MODES) {
      for (const fault of FAULT_NAMES) instances[mode][fault] = sim().addInstance();
    }
  });
  afterAll(() => {
    const byMode = (cell: Cell) => MODES.indexOf(cell.mode as Mode);
    if (cells.length > 0) {
      process.stderr.write(`\n${renderMatrix([...cells].sort((a, b) => byMode(a) - byMode(b)))}\n`);
    }
  });

  /** Adds each fault on the step's request in its instance, once or on every attempt. */
  function inject(step: Step): void {
    for (const mode of MODES) {
      for (const fault of FAULT_NAMES) {
        const { method, onOrg } = TARGET[step];
        const path = `/instances/${instances[mode][fault]}/orgs${onOrg ? "/" : ""}`;
        const times = mode === "transient" ? 1 : 1000;
        const rule: FaultRule = { ...FAULTS[fault], method, path, times };
        sim().faults.add(rule);
      }
    }
  }

  /**
   * Runs the step with its faults; when it fails, compares server and state, then reruns it
   * without faults. After a failed run the state may still hold an org whose DELETE was
   * applied but never answered (`missing`): the rerun's DELETE finds it gone and drops it.
   */
  async function runStep(step: Step): Promise<Record<Mode, Outcome>> {
    const run = (): Promise<unknown> =>
      step === "refresh" ? stack().refresh({ orgs }) : stack().up({ orgs });
    const compareAll = async (waiting?: ReadonlySet<string>) => {
      const deployment = await stack().exportStack();
      return Object.fromEntries(
        MODES.map((mode) => [
          mode,
          compare(sim(), deployment, Object.values(instances[mode]), waiting),
        ]),
      ) as Record<Mode, Comparison>;
    };
    const declaredForAdoption = new Set(
      Object.values(orgs).flatMap((args) => (typeof args.orgId === "string" ? [args.orgId] : [])),
    );
    inject(step);
    const error = await run().then(
      () => undefined,
      (err: Error) => err.message,
    );
    sim().faults.clear();
    const first = await compareAll(declaredForAdoption);
    if (error !== undefined) await run();
    const after = error === undefined ? first : await compareAll();
    return Object.fromEntries(
      MODES.map((mode) => [mode, { error, first: first[mode], after: after[mode] }]),
    ) as Record<Mode, Outcome>;
  }

  /**
   * Duplicates and orphans are never allowed, nor an org lost after the rerun; each org's
   * message names the step's API action and what to do. Records one cell per fault.
   */
  function check(step: Step, mode: Mode, outcome: Outcome, names: Record<FaultName, string>) {
    const { error, first, after } = outcome;
    expect(first).toMatchObject({ duplicates: 0, orphans: 0 });
    expect(after).toMatchObject({ duplicates: 0, orphans: 0, missing: 0 });
    const declared = Object.values(orgs).flatMap((args) =>
      typeof args.name === "string" ? [args.name] : [],
    );
    expect(after.serverNames.filter((name) => name.startsWith(mode))).toEqual(
      [...declared, ...adopted[mode]].filter((n) => n.startsWith(mode)).sort(),
    );
    for (const fault of FAULT_NAMES) {
      const message = error === undefined ? undefined : messageFor(error, names[fault]);
      if (message !== undefined) {
        // Which org: the engine's header for it; which step: the API action; what to do.
        expect(message).toMatch(ACTION[step]);
        expect(message).toContain(TEMPORARY_FAILURE_HINT);
      }
      cells.push({ step, fault, mode, first, after, message });
    }
  }

  const adopted: Record<Mode, string[]> = { transient: [], persistent: [] };
  const nameOf = (mode: Mode, step: string, fault: FaultName): string => `${mode}-${step}-${fault}`;
  const byFault = (mode: Mode, step: string) =>
    Object.fromEntries(FAULT_NAMES.map((fault) => [fault, nameOf(mode, step, fault)])) as Record<
      FaultName,
      string
    >;

  /** What each step declares before it runs; the orgs whose messages it reads, by mode. */
  const prepare: Record<Step, () => Promise<(mode: Mode) => Record<FaultName, string>>> = {
    async create() {
      for (const mode of MODES) {
        for (const fault of FAULT_NAMES) {
          const name = nameOf(mode, "org", fault);
          orgs[name] = { instanceId: instances[mode][fault], name, description: "v1" };
        }
      }
      return (mode) => byFault(mode, "org");
    },
    async update() {
      for (const mode of MODES) {
        for (const fault of FAULT_NAMES) orgs[nameOf(mode, "org", fault)].description = "v2";
      }
      return (mode) => byFault(mode, "org");
    },
    async refresh() {
      return (mode) => byFault(mode, "org");
    },
    async adopt() {
      for (const mode of MODES) {
        for (const fault of FAULT_NAMES) {
          const name = nameOf(mode, "adopted", fault);
          const orgId = await createOrgIn(sim(), instances[mode][fault], name);
          adopted[mode].push(name);
          orgs[name] = { instanceId: instances[mode][fault], orgId, description: "adopted" };
        }
      }
      return (mode) => byFault(mode, "adopted");
    },
    async delete() {
      orgs = {};
      for (const mode of MODES) adopted[mode] = [];
      return (mode) => byFault(mode, "org");
    },
  };

  for (const step of STEPS) {
    describe(step, () => {
      let outcome: Record<Mode, Outcome> | undefined;
      let names: ((mode: Mode) => Record<FaultName, string>) | undefined;
      beforeAll(async () => {
        names = await prepare[step]();
        outcome = await runStep(step);
      }, ENGINE_TIMEOUT * 2);

      it.each(MODES)("%s faults", (mode) => {
        check(step, mode, outcome![mode], names!(mode));
        if (step === "update") {
          for (const fault of FAULT_NAMES) {
            const org = sim()
              .orgs(instances[mode][fault])
              .find((o) => o.name === nameOf(mode, "org", fault));
            expect(org?.description).toBe("v2");
          }
        }
      });
    });
  }
});

/** Creates an org out of band in `instanceId`; returns its ID. */
async function createOrgIn(sim: Simulator, instanceId: string, name: string): Promise<string> {
  return createOrg({ ...sim, instanceId } as Simulator, { name });
}
