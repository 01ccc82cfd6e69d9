/**
 * The fault matrix as a table a person reads: for each step and fault, the server's orgs
 * against the state's, duplicates, orphans, and the message the user saw.
 */

/** What one fault did to one step. */
export interface Cell {
  step: string;
  fault: string;
  mode: string;
  /** Server against state right after the faulted run. */
  first: { server: number; state: number; duplicates: number; orphans: number };
  /** The same after the rerun (or the same run, when it did not fail). */
  after: { server: number; state: number; duplicates: number; orphans: number };
  /** The error the engine showed for this org, when the run failed for it. */
  message?: string;
}

/**
 * The engine's diagnostic for the resource named `name` in the text of a failed operation:
 * the lines after its `InstanceOrg (name):` header, up to the next header or blank line.
 */
export function messageFor(text: string, name: string): string | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex(
    (line) => line.trim() === `pulumi-nodejs:dynamic/losant:InstanceOrg (${name}):`,
  );
  if (start < 0) return undefined;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || /^\s{0,2}\S.*\):$/.test(line)) break;
    body.push(line.trim());
  }
  return body.join(" ");
}

/** The cells as a markdown table, one row per mode, step and fault. */
export function renderMatrix(cells: readonly Cell[]): string {
  const rows = cells.map((cell) => {
    const shown = cell.message ?? "(no error shown for this org)";
    return [
      cell.mode,
      cell.step,
      cell.fault,
      `${cell.first.server} / ${cell.first.state}`,
      `${cell.after.server} / ${cell.after.state}`,
      `${cell.first.duplicates + cell.after.duplicates}`,
      `${cell.first.orphans + cell.after.orphans}`,
      shown.replace(/\|/g, "\\|"),
    ];
  });
  const header = [
    "mode",
    "step",
    "fault",
    "server/state after run",
    "after rerun",
    "dup",
    "orphans",
    "message shown",
  ];
  return [header, header.map(() => "---"), ...rows]
    .map((row) => `| ${row.join(" | ")} |`)
    .join("\n");
}
