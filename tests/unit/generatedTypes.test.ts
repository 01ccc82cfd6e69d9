// Guards "one place for each fact": the API types are generated from the official schemas,
// and a schema change without `npm run generate:types` must not go unnoticed.
import { execFileSync } from "node:child_process";
import path from "node:path";

it("provider/losant/types.generated.ts matches what schemas/ generates", () => {
  const root = path.resolve(__dirname, "../..");
  expect(() =>
    execFileSync(process.execPath, ["scripts/generate-types.js", "--check"], {
      cwd: root,
      stdio: "pipe",
    }),
  ).not.toThrow();
});
