// A page of its own: here the THRON Player loads but never reports `ready` (nor `error`).
import { expect } from "@open-wc/testing";
import { playerReady, playerTimeouts, type ThronPlayer } from "../internal/player-loader.ts";
import { mountGallery, setFaults, unmountAll, until } from "../internal/test-support.ts";
import "./thron-gallery.ts";

/** A stand-in with the Player's `on`, whose events the test fires. */
function scriptedPlayer() {
  const listeners = new Map<string, ((data?: unknown) => void)[]>();
  const player: ThronPlayer = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return player;
    },
    off: () => player,
    play: () => undefined,
    pause: () => {},
    destroy: () => {},
  };
  const emit = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener();
  };
  return { player, emit };
}

describe("THRON Player readiness", () => {
  it("is ready on `ready`, failed on `error`, and failed when `ready` does not come in time", async () => {
    const ready = scriptedPlayer();
    const readyResult = playerReady(ready.player, 60_000);
    ready.emit("ready");
    expect(await readyResult).to.equal(true);
    const failed = scriptedPlayer();
    const failedResult = playerReady(failed.player, 60_000);
    failed.emit("error");
    expect(await failedResult).to.equal(false);
    expect(await playerReady(scriptedPlayer().player, 10)).to.equal(false);
  });
});

describe("<thron-gallery> with a THRON Player that never gets ready", () => {
  const defaultTimeout = playerTimeouts.readyMs;
  before(async () => {
    playerTimeouts.readyMs = 300;
    await setFaults({ playerNeverReady: true });
  });
  after(async () => {
    playerTimeouts.readyMs = defaultTimeout;
    unmountAll();
    await setFaults();
  });

  it("falls back to the browser's players and tears the stuck Player down", async () => {
    const { el, shadow } = await mountGallery({ "page-size": "20" });
    await el.open(el.items.findIndex((a) => a.type === "video"));
    await until(() => !!el.querySelector('[slot="player"]'), "the THRON Player's container");
    await until(() => !!shadow.querySelector('[part="stage"] video source'), "the native video");
    expect(el.querySelector('[slot="player"]')).to.equal(null, "the stuck Player is destroyed");
    const dialog = shadow.querySelector("dialog");
    expect(dialog?.open).to.equal(true);
    await expect(el).to.be.accessible();
    el.close();
  });
});
