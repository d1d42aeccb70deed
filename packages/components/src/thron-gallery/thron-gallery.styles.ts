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
  /* A server-rendered gallery without JavaScript: its links (no-script.ts) stand in for the tiles. */
  @media (scripting: none) {
    .grid:not(.links),
    .actions button {
      display: none;
    }
  }
  a[part="tile"] {
    display: block;
    color: inherit;
    text-decoration: none;
    border-radius: var(--thron-gallery-radius, 0.5rem);
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
  /*
   * Holding the room of the last load (held-room.ts): the grid, or an empty or error message,
   * fills it, so the count and Load more stay where they were too. Not in a carousel: its one
   * row keeps its height, and as a flex item its scroller stopped moving.
   */
  :host(:not([layout="carousel"])) .base.held {
    display: flex;
    flex-direction: column;
  }
  .held > .grid {
    flex: 1 0 auto;
    align-content: start;
  }
  .held > .message ~ .grid {
    flex-grow: 0;
  }
  .held > .message {
    flex: 1 0 auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    text-align: center;
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
  [aria-pressed="true"] {
    outline: 3px solid var(--thron-gallery-accent, currentColor);
  }
  button:focus-visible,
  button[part="tile"]:focus-visible {
    outline: 3px solid var(--thron-gallery-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  .sentinel {
    height: 1px;
  }
`,
];
