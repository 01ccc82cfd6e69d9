// Guards the documentation a user finds things in: a README short enough to read (the rest
// lives in docs/, one page per topic), and no relative link, in any markdown file of the
// repository, that leads to a missing file or heading.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { anchorsOf, brokenLinks, githubSlug, linksOf, markdownFiles } from "./markdownLinks";

const ROOT = path.resolve(__dirname, "../../..");
const README_MAX_LINES = 300;

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), "utf8");
}

describe("the repository's documentation", () => {
  it(`keeps README.md within ${README_MAX_LINES} lines`, () => {
    const lines = read("README.md").trimEnd().split("\n").length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it("checks README.md, docs/ and the examples' READMEs", () => {
    const files = markdownFiles(ROOT);
    expect(files).toEqual(
      expect.arrayContaining(["README.md", "docs/README.md", "examples/README.md"]),
    );
    expect(files.filter((file) => file.includes("node_modules/"))).toEqual([]);
  });

  it("has no relative link to a missing file or heading", () => {
    expect(brokenLinks(ROOT, markdownFiles(ROOT))).toEqual([]);
  });

  it("lists every page of docs/ in docs/README.md", () => {
    const listed = new Set(linksOf(read("docs/README.md")).map((link) => link.target));
    const pages = fs
      .readdirSync(path.join(ROOT, "docs"))
      .filter((file) => file.endsWith(".md") && file !== "README.md");
    expect(pages.filter((page) => !listed.has(page))).toEqual([]);
  });

  it('starts every page of docs/ with what a user can do with it ("Use this page ...")', () => {
    const pages = fs.readdirSync(path.join(ROOT, "docs")).filter((file) => file.endsWith(".md"));
    const without = pages.filter((page) => {
      const firstParagraph = read(`docs/${page}`)
        .split("\n")
        .find((line) => line.trim() !== "" && !line.startsWith("#"));
      return !firstParagraph?.startsWith("Use this page");
    });
    expect(without).toEqual([]);
  });
});

describe("the link checker", () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-links-"));
    fs.mkdirSync(path.join(dir, "docs"));
    fs.writeFileSync(
      path.join(dir, "docs", "page.md"),
      "# The `InstanceOrg` resource\n\n## Retries, rate limits: 429s\n\n## Options\n\n## Options\n",
    );
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function check(markdown: string) {
    fs.writeFileSync(path.join(dir, "README.md"), markdown);
    return brokenLinks(dir, ["README.md"]);
  }

  it("accepts links to files and folders that exist, and to their headings", () => {
    expect(
      check(
        "[a](docs/page.md) [b](docs/) [c](docs/page.md#the-instanceorg-resource)\n" +
          "[d](./docs/page.md#retries-rate-limits-429s) [e](docs/page.md#options-1) [f](#top)\n\n" +
          "# Top\n",
      ),
    ).toEqual([]);
  });

  it("reports a link to a missing file, with its line", () => {
    expect(check("intro\n\nSee [the page](docs/missing.md).\n")).toEqual([
      {
        file: "README.md",
        line: 3,
        target: "docs/missing.md",
        reason: "docs/missing.md does not exist",
      },
    ]);
  });

  it("reports an anchor that names no heading of the target", () => {
    expect(check("[gone](docs/page.md#retries)\n")).toEqual([
      expect.objectContaining({ target: "docs/page.md#retries", line: 1 }),
    ]);
  });

  it("checks reference definitions as well as inline links", () => {
    expect(check("[x][ref]\n\n[ref]: #nowhere\n")).toEqual([
      expect.objectContaining({ target: "#nowhere", line: 3 }),
    ]);
  });

  it("ignores links in code blocks and code spans, and links with a scheme", () => {
    expect(
      check("```md\n[a](missing.md)\n```\n\n`[b](missing.md)` [c](https://example.com/x.md#y)\n"),
    ).toEqual([]);
  });
});

describe("githubSlug", () => {
  it.each([
    ["The `InstanceOrg` resource", "the-instanceorg-resource"],
    [
      "Retries, rate limits and creates that never duplicate",
      "retries-rate-limits-and-creates-that-never-duplicate",
    ],
    [
      "Adopt a whole instance: `pulumi-losant import`",
      "adopt-a-whole-instance-pulumi-losant-import",
    ],
    ["Losant's real API", "losants-real-api"],
    ["See [the README](../README.md)", "see-the-readme"],
    ["protect_me", "protect_me"],
  ])("turns %j into %j", (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it("numbers repeated headings as GitHub does", () => {
    expect([...anchorsOf("## Options\n\n## Options\n\n## Options\n")]).toEqual([
      "options",
      "options-1",
      "options-2",
    ]);
  });
});
