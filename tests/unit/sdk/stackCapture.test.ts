// Guards the SDK's cheap declaration: declaring an org must not format a stack trace per
// output promise (the cost the engine benchmark found), yet keep the resource's source
// position, give a thrown error the declaring line, leave the global limit as it was, and
// trace everything again when the user debugs promise leaks.
import * as pulumi from "@pulumi/pulumi";
import { InstanceOrg } from "../../../sdk";
import { DEBUG_PROMISE_LEAKS_VARIABLE } from "../../../sdk/stackCapture";

const INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0d";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "stack-capture",
    "test",
    true,
  );
});

afterEach(() => {
  delete process.env[DEBUG_PROMISE_LEAKS_VARIABLE];
});

/** Runs `declare` and returns how many stack traces with at least one frame were formatted. */
function tracesFormattedBy(declare: () => void): number {
  const original = Error.prepareStackTrace;
  let traces = 0;
  Error.prepareStackTrace = (err, frames) => {
    if (frames.length > 0) traces++;
    return original ? original(err, frames) : `${String(err)}\n    at ${frames.join("\n    at ")}`;
  };
  try {
    declare();
  } finally {
    Error.prepareStackTrace = original;
  }
  return traces;
}

let serial = 0;
/** A new org with a resource name of its own. */
function declareOrg(): InstanceOrg {
  serial++;
  return new InstanceOrg(`org-${serial}`, { instanceId: INSTANCE, name: `Org ${serial}` });
}

describe("declaring an InstanceOrg", () => {
  it("formats one stack trace, the resource's source position, not one per output promise", () => {
    expect(tracesFormattedBy(declareOrg)).toBe(1);
  });

  it("formats a trace per output promise again while PULUMI_DEBUG_PROMISE_LEAKS is set", () => {
    process.env[DEBUG_PROMISE_LEAKS_VARIABLE] = "1";
    // Four promises for each of the 27 declared outputs, plus the URN's and the ID's.
    expect(tracesFormattedBy(declareOrg)).toBeGreaterThan(100);
  });

  it("leaves Error.stackTraceLimit as it found it", () => {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 7;
    try {
      declareOrg();
      expect(Error.stackTraceLimit).toBe(7);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it("leaves Error.stackTraceLimit as it found it when the declaration throws", () => {
    const before = Error.stackTraceLimit;
    expect(() => new InstanceOrg("", { instanceId: INSTANCE })).toThrow(/Missing resource name/);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("gives an error thrown while declaring the stack of the line that declared the org", () => {
    let thrown: unknown;
    try {
      new InstanceOrg("", { instanceId: INSTANCE });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).stack).toContain("stackCapture.test.ts");
  });

  it("still resolves every output", async () => {
    const org = declareOrg();
    const [name, instanceId] = await new Promise<[string, string]>((resolve) =>
      pulumi.all([org.name, org.instanceId]).apply(resolve),
    );
    expect({ name, instanceId }).toEqual({ name: `Org ${serial}`, instanceId: INSTANCE });
  });
});
