// Guards "one place for each fact": the simulator's validators are generated from the official
// schemas, and a schema change without `npm run generate:validators` must not go unnoticed.
import { execFileSync } from "node:child_process";
import path from "node:path";

it("simulator/validators.generated.ts matches what schemas/ generates", () => {
  const root = path.resolve(__dirname, "../..");
  expect(() =>
    execFileSync(process.execPath, ["scripts/generate-validators.js", "--check"], {
      cwd: root,
      stdio: "pipe",
    }),
  ).not.toThrow();
});
