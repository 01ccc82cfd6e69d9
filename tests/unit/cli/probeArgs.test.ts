/**
 * The probe's command line, and the `pulumi-losant` dispatcher in front of it.
 */
import { main } from "../../../cli/main";
import type { CommandIo } from "../../../cli/io";
import { parseProbeArgs, ProbeUsageError } from "../../../cli/probe/args";

function io(out: string[]): CommandIo {
  return {
    write: (text) => out.push(text),
    error: (text) => out.push(text),
    env: {},
    now: () => 0,
    onInterrupt: () => undefined,
  };
}

it("reads only by default", () => {
  expect(parseProbeArgs([])).toEqual({ write: false, help: false });
});

it("reads --write and --instance-id with a space or an equals sign", () => {
  expect(parseProbeArgs(["--write", "--instance-id", "abc"])).toMatchObject({
    write: true,
    instanceId: "abc",
  });
  expect(parseProbeArgs(["--instance-id=def"])).toMatchObject({ instanceId: "def" });
});

it("reads --member-email, the user the member checks may add", () => {
  expect(parseProbeArgs(["--write", "--member-email", "a@b.example"])).toMatchObject({
    memberEmail: "a@b.example",
  });
  expect(() => parseProbeArgs(["--member-email"])).toThrow(
    new ProbeUsageError("Option --member-email needs a value"),
  );
});

it.each([
  [["--instance-id"], "Option --instance-id needs a value"],
  [["--force"], "Unknown option --force"],
])("refuses %j", (argv, message) => {
  expect(() => parseProbeArgs(argv)).toThrow(new ProbeUsageError(message));
});

it("names both ways to set the token when none is set, exiting 2", async () => {
  const out: string[] = [];
  expect(await main(["probe", "--instance-id", "abc"], io(out))).toBe(2);
  expect(out.join("")).toContain("LOSANT_API_TOKEN");
});

it("refuses an unknown command with the list of commands", async () => {
  const out: string[] = [];
  expect(await main(["deploy"], io(out))).toBe(2);
  expect(out.join("")).toMatch(/unknown command "deploy"[\s\S]*probe +check how/);
});

it("prints the probe's usage for probe --help and exits 0", async () => {
  const out: string[] = [];
  expect(await main(["probe", "--help"], io(out))).toBe(0);
  expect(out.join("")).toMatch(/^Usage: pulumi-losant probe/);
});
