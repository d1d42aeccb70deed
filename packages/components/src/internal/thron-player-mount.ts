/**
 * Mounts the THRON Player for one content inside an element: a light-DOM container (the Player
 * looks it up by id in the document) slotted into the element's shadow DOM, with the gallery's
 * pKey as `sessId`. Resolves once the Player is ready; rejects (and cleans up) when the script
 * cannot load, the Player reports an error, or it is not ready in time (`playerReady`, the same
 * timeout as the gallery's dialog), so the caller can fall back to the browser's own players.
 */

import { loadThronPlayer, playerReady, type ThronPlayer } from "./player-loader.ts";
import { fetchGallery } from "./thron-client.ts";

export interface MountedPlayer {
  player: ThronPlayer;
  destroy(): void;
}

export interface PlayerMountOptions {
  base: string;
  gallery: string;
  assetId: string;
  locale: string;
  /** The slot name the element renders where the Player goes. */
  slot: string;
}

let containers = 0;

export async function mountThronPlayer(element: HTMLElement, options: PlayerMountOptions): Promise<MountedPlayer> {
  const gallery = await fetchGallery(options.base, options.gallery, options.locale);
  const factory = await loadThronPlayer(gallery.player.scriptUrl);
  const container = document.createElement("div");
  container.slot = options.slot;
  container.id = `thron-player-${++containers}`;
  container.style.cssText = "width:100%;height:100%";
  element.append(container);
  let player: ThronPlayer | null = null;
  const destroy = () => {
    try {
      player?.destroy();
    } catch {
      // A third-party player failing to tear down must not break the element.
    }
    container.remove();
  };
  try {
    player = factory(container.id, {
      clientId: gallery.player.clientId,
      xcontentId: options.assetId,
      sessId: gallery.player.sessId,
      language: options.locale.split("-")[0]?.toUpperCase() || "EN",
      autoplay: false,
    });
    if (!(await playerReady(player))) throw new Error("the THRON Player refused the content or was not ready in time");
    return { player, destroy };
  } catch (error) {
    destroy();
    throw error;
  }
}
