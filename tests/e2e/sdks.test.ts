// Guards the generated SDKs: plugin/sdks/ is exactly what Pulumi's own code generators make
// from plugin/schema.json (scripts/sdkgen), so an SDK never drifts from the plugin it calls.
// Needs Go, as `npm run pulumi:ensure` does.
import { spawnSync } from "node:child_process";
import { describeUnlessMissing } from "./engine";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleFiles } = require("../../scripts/generate-sdks.js") as {
  staleFiles(): string[];
};

const hasGo = spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;

describeUnlessMissing(hasGo ? undefined : "no go on PATH", "the generated SDKs", () => {
  it("plugin/sdks is what the generators make from plugin/schema.json (npm run generate:sdks)", () => {
    expect(staleFiles()).toEqual([]);
  }, 600_000);
});
