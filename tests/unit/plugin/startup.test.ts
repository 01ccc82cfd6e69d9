// The engine starts the `losant` plugin for every operation, so what it loads at start is paid
// each time: `@pulumi/pulumi` alone (it loads the TypeScript compiler) was three quarters of
// it. The plugin's modules are loaded here in a plain Node process, as the engine starts it.
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

/** The modules a fresh Node process has loaded after requiring `entry` from the build. */
function modulesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }),
  );
}

describe("the plugin's start", () => {
  it("does not load @pulumi/pulumi", () => {
    const loaded = modulesLoadedBy("./dist/plugin/main.js");
    expect(loaded.some((file) => file.endsWith(path.join("dist", "plugin", "server.js")))).toBe(
      true,
    );
    expect(
      loaded.filter((file) => file.includes(path.join("@pulumi", "pulumi", "index.js"))),
    ).toEqual([]);
  });

  it("leaves it to the SDK a program imports, which loads it", () => {
    const loaded = modulesLoadedBy("./dist/sdk/index.js");
    expect(loaded.some((file) => file.includes(path.join("@pulumi", "pulumi", "index.js")))).toBe(
      true,
    );
  });
});
