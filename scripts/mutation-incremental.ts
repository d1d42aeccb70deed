/**
 * Stryker writes its incremental file with only the files of the run that just ended, so a run
 * limited to one folder would forget every other folder measured before. This keeps them: the
 * results of files outside the run are carried over, and a file whose source has changed since
 * is re-measured by the next run that includes it (Stryker diffs the source it stored).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface StoredReport {
  files: Record<string, { source: string; mutants: { status: string }[] }>;
  testFiles?: Record<string, unknown>;
}

export const INCREMENTAL_FILE = "reports/stryker-incremental.json";

export function readIncremental(path = INCREMENTAL_FILE): StoredReport | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as StoredReport) : undefined;
}

/** Adds to the file Stryker just wrote the earlier results of files this run did not mutate. */
export function keepEarlierResults(earlier: StoredReport | undefined, path = INCREMENTAL_FILE): StoredReport | undefined {
  const latest = readIncremental(path);
  if (!latest) return earlier;
  if (!earlier) return latest;
  const merged: StoredReport = { ...latest, files: { ...earlier.files, ...latest.files } };
  writeFileSync(path, JSON.stringify(merged, null, 2));
  return merged;
}

/** The files whose stored results still describe the source on disk (the others changed since). */
export function currentFiles(report: StoredReport): StoredReport {
  const current = Object.entries(report.files).filter(([file, { source }]) => existsSync(file) && readFileSync(file, "utf8") === source);
  return { ...report, files: Object.fromEntries(current) };
}
