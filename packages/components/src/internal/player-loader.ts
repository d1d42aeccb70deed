/**
 * Loads the THRON Player script once per URL, on first use, and hands back its factory
 * (`THRONContentExperience`, or the older `THRONPlayer`). A failed load is forgotten, so a
 * later open may try again; the gallery falls back to native players meanwhile.
 * No public source shows the Player's `error` event, so a Player that has not reported `ready`
 * within a few seconds counts as failed too (`playerReady`).
 */

export interface ThronPlayer {
  on(event: string, listener: (data?: unknown) => void): ThronPlayer;
  off(event: string, listener?: (data?: unknown) => void): ThronPlayer;
  play(): unknown;
  pause(): void;
  destroy(): void;
}

export interface ThronPlayerOptions {
  clientId: string;
  xcontentId: string;
  sessId: string;
  language?: string;
  autoplay?: boolean;
  noSkin?: boolean;
}

export type ThronPlayerFactory = (elementId: string, options: ThronPlayerOptions) => ThronPlayer;

type WithPlayer = typeof globalThis & { THRONContentExperience?: ThronPlayerFactory; THRONPlayer?: ThronPlayerFactory };

const loads = new Map<string, Promise<ThronPlayerFactory>>();

/** How long a Player may take to report `ready`; tests shorten it. */
export const playerTimeouts = { readyMs: 5_000 };

/** Resolves true when `player` reports `ready`, false on `error` or when `ready` has not come in time. */
export function playerReady(player: ThronPlayer, timeoutMs = playerTimeouts.readyMs): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ready: boolean) => {
      clearTimeout(timer);
      resolve(ready);
    };
    const timer = setTimeout(() => settle(false), timeoutMs);
    player.on("ready", () => settle(true));
    player.on("error", () => settle(false));
  });
}

function factory(): ThronPlayerFactory | undefined {
  const scope = globalThis as WithPlayer;
  return scope.THRONContentExperience ?? scope.THRONPlayer;
}

export function loadThronPlayer(scriptUrl: string, timeoutMs = 10_000): Promise<ThronPlayerFactory> {
  const ready = factory();
  if (ready) return Promise.resolve(ready);
  let load = loads.get(scriptUrl);
  if (!load) {
    load = new Promise<ThronPlayerFactory>((resolve, reject) => {
      const script = document.createElement("script");
      const fail = (reason: string) => {
        clearTimeout(timer);
        script.remove();
        loads.delete(scriptUrl);
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail("the THRON Player script timed out"), timeoutMs);
      script.src = scriptUrl;
      script.async = true;
      script.onload = () => {
        clearTimeout(timer);
        const loaded = factory();
        if (loaded) resolve(loaded);
        else fail("the THRON Player script defined no player");
      };
      script.onerror = () => fail("the THRON Player script could not be loaded");
      document.head.append(script);
    });
    loads.set(scriptUrl, load);
  }
  return load;
}
