/**
 * Finds the relative links of markdown files that lead nowhere: a file that does not exist, or
 * an `#anchor` that names no heading of the target. Enough markdown for this repository's
 * docs: ATX headings (`## Title`), inline links and images, reference definitions, and
 * `<a id="...">` / `<a name="...">` anchors; fenced code blocks and code spans are skipped.
 */
import fs from "node:fs";
import path from "node:path";

/** Folders never searched for markdown: installed, built or generated files. */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "coverage", ".pulumi-state"]);

/** A link that leads nowhere, and why. */
export interface BrokenLink {
  /** The file holding the link, relative to the root, with `/` separators. */
  file: string;
  /** 1-based line of the link. */
  line: number;
  /** The link's target as written. */
  target: string;
  /** What is missing. */
  reason: string;
}

/**
 * Every markdown file under `root` (relative paths, sorted), skipping dot-folders and
 * {@link SKIPPED_DIRS}.
 */
export function markdownFiles(root: string, dir = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_DIRS.has(entry.name))
        found.push(...markdownFiles(root, relative));
    } else if (entry.name.endsWith(".md")) {
      found.push(relative);
    }
  }
  return found.sort();
}

/**
 * The anchor GitHub gives a heading, as `github-slugger` computes it: lower-cased, every
 * character that is not a letter, mark, number, connector (`_`), hyphen or space dropped,
 * spaces turned into hyphens. Inline markdown is reduced to its text first.
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML tags
    .trim();
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The lines of `markdown` outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
  const lines: Array<{ text: string; line: number }> = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((text, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (fence !== undefined && marker !== undefined && marker.startsWith(fence))
      fence = undefined;
    else if (fence === undefined) lines.push({ text, line: i + 1 });
  });
  return lines;
}

/** The anchors a markdown file offers: its headings' slugs (numbered when repeated) and ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text);
    if (heading) {
      const slug = githubSlug(heading[1]);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const html of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(html[1]);
  }
  return anchors;
}

/** The link targets of a markdown file, with their lines; code is not searched. */
export function linksOf(markdown: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = text.replace(/(`+)[\s\S]*?\1/g, "");
    for (const inline of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ target: inline[1], line });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(prose);
    if (definition) links.push({ target: definition[1], line });
  }
  return links;
}

/**
 * The relative links of `files` (paths relative to `root`) whose file or anchor does not
 * exist. Links with a scheme (`https:`, `mailto:`) are not checked; an anchor is checked only
 * when it points into a markdown file.
 */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> => {
    let anchors = anchorCache.get(file);
    if (anchors === undefined) {
      anchors = anchorsOf(fs.readFileSync(file, "utf8"));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };
  for (const file of files) {
    const source = path.join(root, file);
    for (const { target, line } of linksOf(fs.readFileSync(source, "utf8"))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [rawPath, anchor] = splitOnce(target, "#");
      const linkPath = decodeURIComponent(rawPath);
      const resolved =
        linkPath === ""
          ? source
          : linkPath.startsWith("/")
            ? path.join(root, linkPath)
            : path.resolve(path.dirname(source), linkPath);
      const report = (reason: string) => broken.push({ file, line, target, reason });
      if (!fs.existsSync(resolved)) {
        report(`${path.relative(root, resolved)} does not exist`);
      } else if (anchor !== undefined && resolved.endsWith(".md")) {
        if (!anchorsIn(resolved).has(decodeURIComponent(anchor)))
          report(`no heading with the anchor #${anchor} in ${path.relative(root, resolved)}`);
      }
    }
  }
  return broken;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
