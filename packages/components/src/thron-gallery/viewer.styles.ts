import { css } from "lit";

/**
 * `layout="viewer"`: one stage over a strip of thumbnails. Its room (the stage's shape, the
 * strip's row) is in the gallery's own styles from the first render (like the carousel's), so
 * nothing moves when the viewer's code loads on first use; the rest (viewer-looks.styles.ts) comes with
 * that code: the viewer controller adopts it into the shadow root, and the server renders it
 * with a viewer (components/src/server.ts), so a server-rendered viewer paints as it will stay.
 * The stage keeps one shape (`--thron-gallery-viewer-aspect`): list answers carry no asset's
 * shape, and a stage changing height at each step would move the strip under the visitor's
 * finger. Each asset is fitted inside it whole, in its own aspect ratio.
 */
export const viewerRoomStyles = css`
  .viewer {
    display: grid;
    gap: 0.75rem;
  }
  .viewer .stage-box {
    position: relative;
  }
  .viewer .stage {
    display: grid;
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
    place-items: center;
    width: 100%;
    aspect-ratio: var(--thron-gallery-viewer-aspect, 4 / 3);
    max-height: var(--thron-gallery-viewer-max-height, 75vh);
    overflow: hidden;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: var(--thron-gallery-placeholder, color-mix(in srgb, currentColor 10%, transparent));
  }
  .viewer .strip {
    --thumb: 5.5rem;
    display: flex;
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    /* Room for the focus ring inside the scroller. */
    padding: 0.25rem;
    overflow-x: auto;
    /* No scrollbar row under the strip (its height is reserved before the script runs): the strip
       scrolls by touch, wheel and trackpad, and follows the selection of the arrows and buttons. */
    scrollbar-width: none;
  }
  /* A phone keeps the strip, with smaller thumbnails (see README: not dots, which are too small to hit). */
  @container (max-width: 30rem) {
    .viewer .strip {
      --thumb: 4rem;
    }
  }
  .viewer .thumb {
    flex: 0 0 var(--thumb);
  }
  .viewer .thumb .frame {
    display: block;
    aspect-ratio: 4 / 3;
  }
  .viewer ~ .actions {
    display: none;
  }
`;
