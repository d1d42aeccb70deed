import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font: inherit;
      color: var(--thron-asset-color, inherit);
    }
    :host([hidden]) {
      display: none;
    }
    figure {
      margin: 0;
    }
    /* The box is sized before anything loads, so the page never shifts when the media arrives. */
    .frame {
      position: relative;
      aspect-ratio: var(--thron-asset-aspect-ratio, 16 / 9);
      border-radius: var(--thron-asset-radius, 0.5rem);
      overflow: hidden;
      background: var(--thron-asset-placeholder, color-mix(in srgb, currentColor 10%, transparent));
      display: flex;
      align-items: center;
      justify-content: center;
    }
    .frame.playing {
      background: #000;
    }
    .frame > img,
    .frame > video,
    .frame ::slotted(*) {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .frame > audio {
      position: absolute;
      inset-inline: 5%;
      inset-block-end: 1rem;
      width: 90%;
    }
    /* A poster over the player's place covers the box; a document's preview alone fits in it. */
    .frame > .poster:not(:only-child) {
      position: absolute;
      inset: 0;
      object-fit: cover;
    }
    .message {
      margin: 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--thron-asset-radius, 0.5rem);
      background: var(--thron-asset-message-background, Canvas);
      color: var(--thron-asset-message-color, CanvasText);
    }
    figcaption {
      margin-block-start: 0.5rem;
    }
    .title {
      display: block;
      font-weight: 600;
    }
    .description {
      margin: 0.25rem 0 0;
      white-space: pre-line;
    }
    a[part~="download"] {
      display: inline-block;
      margin-block-start: 0.5rem;
      color: var(--thron-asset-accent, inherit);
    }
    a:focus-visible {
      outline: 3px solid var(--thron-asset-focus-ring, #1a73e8);
      outline-offset: 2px;
    }
  `,
];
