/** Helpers for the elements' browser tests: the test BFF, the sandbox's fault switch, waiting. */
import { executeServerCommand } from "@web/test-runner-commands";

/** The BFF the test run started (sandbox mode), injected by web-test-runner.config.mjs. */
export const TEST_BFF: string = (window as unknown as { EMBEDKIT_TEST_BFF: string }).EMBEDKIT_TEST_BFF;

export interface SandboxFaults {
  latencyMs?: number;
  errorRate?: number;
  burst5xx?: number;
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
