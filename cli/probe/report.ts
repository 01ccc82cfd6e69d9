/** The findings table the probe prints. */
import type { Finding } from "./findings";

const HEADERS = ["check", "result", "schema"] as const;

function schemaCell(finding: Finding): string {
  if (finding.failed) return "-";
  return finding.violations.length === 0 ? "ok" : `VIOLATION: ${finding.violations.join("; ")}`;
}

/** Formats the findings as an aligned plain-text table, one row per finding. */
export function formatFindings(findings: readonly Finding[]): string {
  const rows = findings.map((finding) => [finding.check, finding.result, schemaCell(finding)]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(HEADERS), rule, ...rows.map(line)].join("\n");
}
