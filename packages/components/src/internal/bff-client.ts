/**
 * The elements' only way out: JSON from the BFF. The base URL defaults to the origin this
 * bundle was loaded from, so `<script src="https://bff.example/components.js">` is all a host needs.
 */
import type { Problem } from "@embedkit/contracts";

export const BUNDLE_ORIGIN = new URL(import.meta.url).origin;

/** The BFF base URL for an element: its `bff` attribute, else the bundle's origin. */
export function bffBase(attribute: string | null | undefined): string {
  return (attribute?.trim() || BUNDLE_ORIGIN).replace(/\/+$/, "");
}

/** A failed BFF call, carrying the problem the BFF answered (or a network failure: status 0). */
export class BffError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.title ?? `BFF request failed (${status})`);
    this.name = "BffError";
  }
}

export type QueryValue = string | number | readonly string[] | undefined | null;

export function bffUrl(base: string, path: string, query: Record<string, QueryValue> = {}): string {
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url.toString();
}

export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(url, { signal, headers: { accept: "application/json" } });
}

export function postJson<T>(url: string, body: unknown): Promise<T> {
  return requestJson<T>(url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The BFF never needs the host's cookies: requests go without credentials. */
async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "omit" });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new BffError(0, { title: "Network error" });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
    throw new BffError(response.status, problem);
  }
  return (await response.json()) as T;
}
