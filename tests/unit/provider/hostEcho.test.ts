/**
 * The dynamic provider host echoes each error a step throws as `${error}: ${error.stack}`;
 * an error the engine reports on its resource is printed there once, and not echoed.
 */
import { type ErrorConsole, reportedOnce, reportingOnce } from "../../../provider/hostEcho";
import { currentUrn, hostEngineAddress, onBehalfOf } from "../../../provider/host";

/** A console that keeps what reaches it. */
function fakeConsole(): ErrorConsole & { lines: unknown[][] } {
  const lines: unknown[][] = [];
  return { lines, error: (...args: unknown[]) => void lines.push(args) };
}

/** What the host does with an error a step threw. */
function hostEcho(target: ErrorConsole, error: Error): void {
  target.error(`${String(error)}: ${error.stack}`);
}

describe("reportedOnce", () => {
  it("in the host, drops the host's echo of the error", () => {
    const target = fakeConsole();
    const error = reportedOnce(new Error("401 Unauthorized"), target, true);
    hostEcho(target, error);
    expect(target.lines).toEqual([]);
  });

  it("in the host, still prints every other line, another error's echo included", () => {
    const target = fakeConsole();
    reportedOnce(new Error("reported"), target, true);
    const other = new Error("not reported");
    hostEcho(target, other);
    target.error("plain", 2);
    expect(target.lines).toEqual([[`Error: not reported: ${other.stack}`], ["plain", 2]]);
  });

  it("drops one echo per report: a second echo of the same error prints", () => {
    const target = fakeConsole();
    const error = reportedOnce(new Error("once"), target, true);
    hostEcho(target, error);
    hostEcho(target, error);
    expect(target.lines).toHaveLength(1);
  });

  it("drops each echo of an error reported by several steps, as reads sharing a list throw", () => {
    const target = fakeConsole();
    const shared = new Error("401 on the list");
    reportedOnce(shared, target, true);
    reportedOnce(shared, target, true);
    hostEcho(target, shared);
    hostEcho(target, shared);
    hostEcho(target, shared);
    expect(target.lines).toHaveLength(1);
  });

  it("outside the host, leaves the console as it is", () => {
    const target = fakeConsole();
    const error = new Error("anywhere");
    const write = target.error;
    expect(reportedOnce(error, target, false)).toBe(error);
    expect(target.error).toBe(write);
  });
});

describe("reportingOnce", () => {
  it("rethrows what the step throws, reported, and returns what it returns", async () => {
    const failing = reportingOnce(async (id: string) => {
      throw new Error(`cannot read ${id}`);
    });
    await expect(failing("org-1")).rejects.toThrow("cannot read org-1");
    await expect(reportingOnce(async (n: number) => n + 1)(1)).resolves.toBe(2);
  });
});

describe("hostEngineAddress", () => {
  it("is the first argument of the dynamic provider host", () => {
    const host = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
    expect(hostEngineAddress(["node", host, "127.0.0.1:4321"])).toBe("127.0.0.1:4321");
  });

  it("is undefined in any other process", () => {
    expect(hostEngineAddress(["node", "/p/jest.js", "127.0.0.1:4321"])).toBeUndefined();
  });
});

describe("onBehalfOf", () => {
  it("lets a step, and everything it awaits, name the resource it runs for", async () => {
    const urn = "urn:pulumi:dev::p::losant:index:InstanceOrg::acme";
    const seen = await onBehalfOf(urn, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentUrn();
    });
    expect(seen).toBe(urn);
  });

  it("names no resource outside a step", () => {
    expect(currentUrn()).toBe("");
  });
});
