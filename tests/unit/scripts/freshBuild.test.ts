// Guards `npm start` against running a stale build: the build counts as stale when its
// stamp is missing or when any file the build's tsconfig compiles, or any tsconfig it
// extends, changed after it; files the build does not compile do not count.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInputs, buildStaleness } from "../../../scripts/freshBuild";

const BUILT = new Date("2026-01-02T00:00:00Z");
const BEFORE = new Date("2026-01-01T00:00:00Z");
const AFTER = new Date("2026-01-03T00:00:00Z");
const OPTIONS = { config: "tsconfig.build.json", stamp: "dist/entry.js" };

let root: string;

function write(file: string, text: string, time: Date): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  fs.utimesSync(full, time, time);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "fresh-build-"));
  write("tsconfig.base.json", JSON.stringify({ compilerOptions: { strict: true } }), BEFORE);
  write(
    "tsconfig.build.json",
    // A comment, as the project's own tsconfig files have.
    '// built from src/\n{ "extends": "./tsconfig.base.json", "include": ["src"] }',
    BEFORE,
  );
  write("src/a.ts", "export const a = 1;\n", BEFORE);
  write("other/b.ts", "export const b = 1;\n", BEFORE);
  write("dist/entry.js", "", BUILT);
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("buildInputs", () => {
  it("lists the files the config includes and every tsconfig of its extends chain", () => {
    expect(buildInputs(root, OPTIONS.config).map((file) => path.relative(root, file))).toEqual([
      "src/a.ts",
      "tsconfig.build.json",
      "tsconfig.base.json",
    ]);
  });
});

describe("buildStaleness", () => {
  it("is undefined when no input changed after the build", () => {
    expect(buildStaleness(root, OPTIONS)).toBeUndefined();
  });

  it("names the stamp when there is no build", () => {
    fs.rmSync(path.join(root, "dist"), { recursive: true });
    expect(buildStaleness(root, OPTIONS)).toBe("dist/entry.js is missing");
  });

  it("names a source changed after the build", () => {
    write("src/a.ts", "export const a = 2;\n", AFTER);
    expect(buildStaleness(root, OPTIONS)).toBe("src/a.ts changed after the last build");
  });

  it("names a new source added after the build", () => {
    write("src/c.ts", "export const c = 3;\n", AFTER);
    expect(buildStaleness(root, OPTIONS)).toBe("src/c.ts changed after the last build");
  });

  it("names an extended tsconfig changed after the build", () => {
    write("tsconfig.base.json", JSON.stringify({ compilerOptions: {} }), AFTER);
    expect(buildStaleness(root, OPTIONS)).toBe("tsconfig.base.json changed after the last build");
  });

  it("ignores a file the build does not compile", () => {
    write("other/b.ts", "export const b = 2;\n", AFTER);
    expect(buildStaleness(root, OPTIONS)).toBeUndefined();
  });
});
