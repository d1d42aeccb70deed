/**
 * The mutation score per folder, from Stryker's JSON report, against the targets the team set:
 * 80% where a missed bug is a security or a money bug (the edge, outbound calls, shared stores,
 * Thunder, ThroughLine's mapping, THRON's auth and filters), 70% elsewhere.
 */

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const BFF = "packages/bff/src/";
const STRICT = ["http/", "upstream/", "core/", "thunder/", "throughline/mapping.ts", "thron/auth.ts", "thron/filters.ts"];

/** The group a file is scored in, and that group's target. */
export function groupOf(file: string): { group: string; target: number } {
  if (file.startsWith(BFF)) {
    const inner = file.slice(BFF.length);
    const strict = STRICT.find((prefix) => inner.startsWith(prefix));
    if (strict) return { group: BFF + strict, target: 0.8 };
    return { group: `${BFF}${inner.includes("/") ? `${inner.split("/")[0]}/` : inner} (rest)`, target: 0.7 };
  }
  if (file.startsWith("packages/components/")) return { group: "packages/components (logic)", target: 0.7 };
  return { group: file.split("/").slice(0, 3).join("/"), target: 0.7 };
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** Prints the table; true when every group mutated in this report meets its target. */
export function reportScores(report: Report): boolean {
  const groups = new Map<string, { target: number; detected: number; undetected: number }>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const { group, target } = groupOf(file);
    const tally = groups.get(group) ?? { target, detected: 0, undetected: 0 };
    for (const { status } of mutants) {
      if (DETECTED.has(status)) tally.detected++;
      else if (UNDETECTED.has(status)) tally.undetected++;
    }
    groups.set(group, tally);
  }
  let allMet = true;
  console.log("\nmutation score per folder (killed or timed out / valid mutants):");
  for (const [group, { target, detected, undetected }] of [...groups].sort()) {
    const total = detected + undetected;
    if (total === 0) continue;
    const score = detected / total;
    const met = score >= target;
    allMet &&= met;
    const figures = `${(score * 100).toFixed(1).padStart(5)}%  ${detected}/${total}`;
    console.log(`  ${met ? "✓" : "✗"} ${group.padEnd(48)} ${figures}  (target ${target * 100}%)`);
  }
  return allMet;
}
