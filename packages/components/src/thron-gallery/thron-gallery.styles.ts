import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    container-type: inline-size;
    font: inherit;
    color: var(--thron-gallery-color, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  .grid {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--thron-gallery-gap, 1rem);
    /* At least two columns, even on a phone: one column makes a page a long scroll. */
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(var(--thron-gallery-tile-min-width, 11rem), calc(50% - var(--thron-gallery-gap, 1rem) / 2)), 1fr)
    );
  }
  figure {
    margin: 0;
    display: flex;
    flex-direction: column;
  }
  button[part="tile"] {
    all: unset;
    display: block;
    width: 100%;
    cursor: pointer;
    border-radius: var(--thron-gallery-radius, 0.5rem);
  }
  button[part="tile"]:hover img {
    transform: scale(1.03);
  }
  img {
    transition: transform 0.2s ease;
  }
  @media (prefers-reduced-motion: reduce) {
    img {
      transition: none;
    }
  }
  .frame {
    position: relative;
    aspect-ratio: var(--thron-gallery-aspect-ratio, 4 / 3);
    border-radius: var(--thron-gallery-radius, 0.5rem);
    overflow: hidden;
    background: var(--thron-gallery-placeholder, color-mix(in srgb, currentColor 10%, transparent));
  }
  img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .badge,
  .duration {
    position: absolute;
    inset-block-end: 0.4rem;
    padding: 0.1rem 0.45rem;
    border-radius: 999px;
    font-size: 0.75rem;
    background: var(--thron-gallery-badge-background, rgb(0 0 0 / 0.72));
    color: var(--thron-gallery-badge-color, #fff);
  }
  .badge {
    inset-inline-start: 0.4rem;
  }
  .duration {
    inset-inline-end: 0.4rem;
    font-variant-numeric: tabular-nums;
  }
  /* Two lines, always: placeholders and loaded tiles are the same height, so nothing moves. */
  figcaption {
    order: 1;
    margin-block-start: 0.4rem;
    font-size: var(--thron-gallery-title-size, 0.95rem);
    line-height: 1.3;
    height: 2.6em;
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow-wrap: anywhere;
  }
  .skeleton .frame {
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton figcaption {
    height: 1.3em;
    margin-block-end: 1.3em;
    width: 70%;
    border-radius: 4px;
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .frame {
      animation: none;
    }
  }
  .message {
    padding: 1rem;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: color-mix(in srgb, currentColor 6%, transparent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.5rem 1rem;
    margin-block-start: 1rem;
    /* The button's row is kept while loading, so the page below does not jump when it appears. */
    min-height: 2.75rem;
  }
  .count {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: progress;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.5rem 1.1rem;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    border: 1px solid var(--thron-gallery-accent, currentColor);
    background: var(--thron-gallery-button-background, transparent);
    color: inherit;
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button:focus-visible,
  button[part="tile"]:focus-visible {
    outline: 3px solid var(--thron-gallery-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  .sentinel {
    height: 1px;
  }
  /* One layout for every asset and screen: a fixed box whose stage takes what the header,
     description and buttons leave, so nothing moves between assets and nothing overflows. */
  dialog {
    width: min(64rem, 100vw - 1rem);
    height: min(48rem, 100dvh - 1rem);
    max-width: none;
    max-height: none;
    padding: 0;
    border: none;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: var(--thron-gallery-background, Canvas);
    color: var(--thron-gallery-color, CanvasText);
    box-sizing: border-box;
    overflow: hidden;
    overscroll-behavior: contain;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }
  .dialog-header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem 0.5rem 1rem;
  }
  h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1.15rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  button.icon {
    padding: 0.25rem 0.6rem;
    min-height: 2.75rem;
    min-width: 2.75rem;
    line-height: 1;
  }
  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    /* One cell, exactly the stage: media are fitted into it, the bar and link sit on its bottom. */
    grid-template: minmax(0, 1fr) / minmax(0, 1fr);
    place-items: center;
    background: #000;
    color: #fff;
    overflow: hidden;
    touch-action: pan-y pinch-zoom;
  }
  .stage > *,
  .stage ::slotted(*) {
    grid-area: 1 / 1;
  }
  .stage video,
  .stage img {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .stage.zoomed {
    overflow: auto;
    place-items: start;
    touch-action: auto;
  }
  .stage img.zoomed {
    width: auto;
    height: auto;
    max-width: none;
    cursor: zoom-out;
  }
  .stage img.cover,
  .stage img.preview {
    opacity: 0.85;
  }
  /* Above the dimmed cover or preview (its opacity paints it like a positioned layer). */
  .stage audio,
  .stage .document-link {
    position: relative;
    z-index: 1;
  }
  .stage audio {
    align-self: end;
    width: calc(100% - 2rem);
    margin-block-end: 1rem;
  }
  .stage .document-link {
    align-self: end;
    margin-block-end: 1rem;
    padding: 0.6rem 1.1rem;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: rgb(0 0 0 / 0.75);
    color: #fff;
    font-size: 1.05rem;
  }
  .stage .loading,
  .stage [role="alert"] {
    margin: 1rem;
  }
  .description {
    flex: none;
    /* Always there, same height: an asset without a description does not grow the stage. */
    height: 3.9em;
    margin: 0;
    padding: 0.5rem 1rem 0;
    line-height: 1.3;
    overflow: auto;
    white-space: pre-line;
  }
  .dialog-nav {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.5rem 1rem 0.75rem;
  }
  .dialog-nav button {
    min-height: 2.75rem;
  }
  .position {
    font-variant-numeric: tabular-nums;
  }
  /* A phone on its side: the buttons stay on screen, the description shrinks. */
  @media (max-height: 30rem) {
    .description {
      height: 1.3em;
      padding-block-start: 0.25rem;
    }
    .dialog-header,
    .dialog-nav {
      padding-block: 0.25rem;
    }
  }
`,
];
