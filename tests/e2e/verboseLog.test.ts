// The API token and Pulumi's verbose logging (`-v=11 --logtostderr`, what a CI job turns on
// to debug a failure). Guards the advice the README gives: with the token in LOSANT_API_TOKEN,
// the most verbose engine log of preview, up and refresh never holds it. With the token in
// secret stack config, the engine logs the config it hands the provider in clear; the second
// block measures that, so the README's warning stays true.
import { useSimulator } from "../helpers/simulator";
import { describeEngine, ENGINE_TIMEOUT, type ProgramSpec } from "./engine";
import { useEnv } from "./env";
import { useHardStopStack } from "./hardStop";
import { useSourceTreeProgram } from "./programDir";
import { useVerboseCli } from "./verboseCli";

/** What the CLI logs first at `-v=11`: verbose logging is on, at the level that tells secrets. */
const LEVEL_11_WARNING = "log level 11 will print sensitive information such as api tokens";

/** How many times `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describeEngine("the API token in Pulumi's verbose logs", () => {
  const sim = useSimulator();
  const program = useSourceTreeProgram();
  const verboseRoot = useVerboseCli();
  const spec = (): ProgramSpec => ({
    orgs: { loud: { instanceId: sim().instanceId, name: "loud", description: "v1" } },
  });

  describe("token in LOSANT_API_TOKEN", () => {
    const stack = useHardStopStack(sim, program, verboseRoot);
    useEnv(() => ({ LOSANT_API_TOKEN: sim().tokens.admin }));

    it(
      "preview, up and refresh at -v=11 log plenty and never the token",
      async () => {
        expect((await stack().pulumi(["config", "rm", "losant:apiToken"])).code).toBe(0);
        await stack().preview(spec());
        await stack().up(spec());
        await stack().refresh(spec());
        expect(
          sim()
            .orgs()
            .map((org) => org.name),
        ).toEqual(["loud"]);
        expect(stack().log).toContain(LEVEL_11_WARNING);
        expect(stack().log.length).toBeGreaterThan(100_000);
        expect(occurrences(stack().log, sim().tokens.admin)).toBe(0);
        await stack().destroy(spec());
      },
      ENGINE_TIMEOUT * 2,
    );
  });

  describe("token in secret stack config", () => {
    const stack = useHardStopStack(sim, program, verboseRoot);

    it(
      "preview at -v=11 prints it in clear (why CI should use the environment variable)",
      async () => {
        await stack().preview(spec());
        const count = occurrences(stack().log, sim().tokens.admin);
        const lines = stack()
          .log.split("\n")
          .filter((line) => line.includes(sim().tokens.admin))
          .map((line) => line.split(sim().tokens.admin).join("<TOKEN>").slice(0, 160));
        process.stderr.write(
          `token in clear in the -v=11 log of one preview: ${count} times, in:\n${lines.join("\n")}\n`,
        );
        expect(count).toBeGreaterThan(0);
      },
      ENGINE_TIMEOUT,
    );
  });
});
