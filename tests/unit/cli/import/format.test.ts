// Which output an import writes by default: stack config only in pulumi-losant's own default
// program, which alone reads it; a TypeScript module everywhere else; and a refusal naming
// --format ts when yaml is asked for in another project.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chooseFormat } from "../../../../cli/import/format";

let cwd: string;
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-format-"));
});
afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

const project = (name: string, runtime = "nodejs") =>
  fs.writeFileSync(path.join(cwd, "Pulumi.yaml"), `name: ${name}\nruntime: ${runtime}\n`);

it("writes TypeScript in a user's project", () => {
  project("my-orgs");
  expect(chooseFormat(undefined, cwd)).toBe("ts");
});

it("writes TypeScript in a folder with no project", () => {
  expect(chooseFormat(undefined, cwd)).toBe("ts");
});

it("writes stack config in the default program's project", () => {
  project("losant-orgs");
  expect(chooseFormat(undefined, cwd)).toBe("yaml");
});

it("writes pulumi import input for the losant plugin in a Pulumi YAML project", () => {
  project("yaml-orgs", "yaml");
  expect(chooseFormat(undefined, cwd)).toBe("pulumi-import");
});

it("reads the runtime in its long form too", () => {
  project("yaml-orgs", "\n  name: yaml\n  options: {}");
  expect(chooseFormat(undefined, cwd)).toBe("pulumi-import");
});

it("refuses yaml in another project, naming --format ts", () => {
  project("my-orgs");
  expect(() => chooseFormat("yaml", cwd)).toThrow(/project is "my-orgs".*Use --format ts/);
});

it("writes what was asked for where it can be read", () => {
  expect(chooseFormat("yaml", cwd)).toBe("yaml");
  project("losant-orgs");
  expect(chooseFormat("ts", cwd)).toBe("ts");
});
