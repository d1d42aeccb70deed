/** Helpers for the elements' browser tests: the test BFF, the sandbox's fault switch, waiting. */
import { executeServerCommand } from "@web/test-runner-commands";

/** The BFF the test run started (sandbox mode), injected by web-test-runner.config.mjs. */
export const TEST_BFF: string = (window as unknown as { EMBEDKIT_TEST_BFF: string }).EMBEDKIT_TEST_BFF;

/**
 * Records every URL the page fetches from the test BFF from now on (fetch wrapped for the rest
 * of the test file); `fetch` is the unwrapped one, for a test's own requests that must not count.
 */
export function recordBffCalls(): { calls: string[]; fetch: typeof window.fetch } {
  const calls: string[] = [];
  const unrecorded = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(TEST_BFF)) calls.push(url);
    return unrecorded(input, init);
  };
  return { calls, fetch: unrecorded };
}

export interface SandboxFaults {
  /** Which simulated upstream (default thron); the others are reset. */
  provider?: "thron" | "thunder" | "throughline";
  latencyMs?: number;
  errorRate?: number;
  burst5xx?: number;
  playerScriptDown?: boolean;
  /** The Player script loads, but its player never reports `ready` nor `error`. */
  playerNeverReady?: boolean;
}

/** Sets the THRON sandbox's faults; fields left out are switched off. */
export function setFaults(faults: SandboxFaults = {}): Promise<unknown> {
  return executeServerCommand("sandbox-faults", faults);
}

/** Resolves once every image in `root` has decoded with a real size. */
export async function imagesLoaded(root: ParentNode, timeoutMs = 5_000): Promise<HTMLImageElement[]> {
  const images = [...root.querySelectorAll("img")];
  const deadline = performance.now() + timeoutMs;
  for (const image of images) {
    image.loading = "eager";
    while (!(image.complete && image.naturalWidth > 0)) {
      if (performance.now() > deadline) throw new Error(`image did not load: ${image.currentSrc || image.src}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return images;
}

/** Resolves with the first of `names` that `target` dispatches. */
export function firstEvent<T = unknown>(target: EventTarget, ...names: string[]): Promise<CustomEvent<T>> {
  return new Promise((resolve) => {
    const handler = (event: Event) => {
      for (const name of names) target.removeEventListener(name, handler);
      resolve(event as CustomEvent<T>);
    };
    for (const name of names) target.addEventListener(name, handler);
  });
}

/** Picks `value` in a select as a user does: the value, then its change event. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Resolves after two animation frames: what was rendered has been laid out and painted. */
export const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const mounted = new Set<HTMLElement>();

/** A fresh container in the document, removed by unmountAll(). */
export function mount(): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  mounted.add(container);
  return container;
}

/** Removes everything the tests mounted (call it in afterEach). */
export function unmountAll(): void {
  for (const container of mounted) container.remove();
  mounted.clear();
}

/**
 * A `<thron-gallery>` on the test BFF, attached to a fresh container in the document, resolved
 * with the event that settled its first load (`thron-gallery-load` or `thron-error`).
 */
export async function mountGallery(attributes: Record<string, string | boolean> = {}) {
  const container = mount();
  const el = document.createElement("thron-gallery");
  el.setAttribute("bff", TEST_BFF);
  el.setAttribute("page-size", "6");
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, "");
    else if (value !== false) el.setAttribute(name, value);
  }
  const settled = firstEvent(el, "thron-gallery-load", "thron-error");
  container.append(el);
  const event = await settled;
  await el.updateComplete;
  const shadow = el.shadowRoot as ShadowRoot;
  return { el, event, shadow, container, remove: () => container.remove() };
}

/** Collects console.warn messages until restore(): the editor's warnings are part of the behaviour. */
export function captureWarnings() {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(" "));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** The THRON sandbox's call counters (searches, details…). */
export function executeStats(): Promise<{ searches: number; details: number }> {
  return executeServerCommand("sandbox-stats") as Promise<{ searches: number; details: number }>;
}
