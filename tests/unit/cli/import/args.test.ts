// Guards the command line of `pulumi-losant import`: defaults a user can rely on, and a clear
// error naming the flag for anything it cannot use.
import { parseImportArgs } from "../../../../cli/import/args";
import { DEFAULT_FIELDS, IMPORTABLE_FIELDS } from "../../../../cli/import/fields";

describe("parseImportArgs", () => {
  it("leaves the format to the folder, takes the default fields and members, no force", () => {
    const args = parseImportArgs(["--instance-id", "i"]);
    expect(args.format).toBeUndefined();
    expect(args).toMatchObject({
      instanceId: "i",
      allLimits: false,
      members: true,
      force: false,
      list: false,
      fields: DEFAULT_FIELDS,
      selection: { globs: [], names: [], tags: [] },
    });
  });

  it("collects repeated selection flags", () => {
    const args = parseImportArgs([
      "--name-glob",
      "a*",
      "--name-glob",
      "b?",
      "--name",
      "x",
      "--tag",
      "k=v",
    ]);
    expect(args.selection).toEqual({
      globs: ["a*", "b?"],
      names: ["x"],
      tags: [{ key: "k", value: "v" }],
    });
  });

  it("takes all, or a list of fields, each once", () => {
    expect(parseImportArgs(["--fields", "all"]).fields).toEqual(IMPORTABLE_FIELDS);
    expect(parseImportArgs(["--fields", "name, tags,name"]).fields).toEqual(["name", "tags"]);
  });

  it.each([
    [["--fields", "name,colour"], /--fields: unknown field colour; use default, all/],
    [["--format", "json"], /--format must be ts, yaml, pulumi-import, not "json"/],
    [["--tag", "=v"], /--tag "=v" has no key/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j with exit code 2", (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(message);
    expect(() => parseImportArgs(argv)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it("reads --all-limits and --no-members", () => {
    expect(parseImportArgs(["--all-limits", "--no-members"])).toMatchObject({
      allLimits: true,
      members: false,
    });
  });
});
