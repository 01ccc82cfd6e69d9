// Guards the command line of `pulumi-losant recover`: it needs no arguments, refuses any (so a
// mistyped option never runs a recovery the user did not mean), and explains itself on --help.
import { RECOVER_USAGE, runRecover } from "../../../cli/recover";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runRecover(
    args,
    (text) => (out += text),
    (text) => (err += text),
  );
  return { code, out, err };
}

describe("pulumi-losant recover", () => {
  it("prints its usage on --help and exits 0", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, out: RECOVER_USAGE, err: "" });
  });

  it("refuses arguments with exit code 2, naming them", async () => {
    const { code, err } = await run(["--stack", "prod"]);
    expect(code).toBe(2);
    expect(err).toContain("takes no arguments (got --stack prod)");
  });
});
