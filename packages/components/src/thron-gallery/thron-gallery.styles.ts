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
    grid-template-columns: repeat(auto-fill, minmax(var(--thron-gallery-tile-min-width, 11rem), 1fr));
  }
  figure {
    margin: 0;
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
  figcaption {
    margin-block-start: 0.4rem;
    font-size: var(--thron-gallery-title-size, 0.95rem);
    overflow-wrap: anywhere;
  }
  .skeleton .frame {
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton figcaption {
    height: 1em;
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
    justify-content: center;
    margin-block-start: 1rem;
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
  dialog {
    width: min(64rem, 94vw);
    max-height: 94vh;
    padding: 1rem 1.25rem;
    border: none;
    border-radius: var(--thron-gallery-radius, 0.5rem);
    background: var(--thron-gallery-background, Canvas);
    color: var(--thron-gallery-color, CanvasText);
    box-sizing: border-box;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.7);
  }
  .dialog-header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1rem;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
  }
  button.icon {
    padding: 0.25rem 0.6rem;
    line-height: 1;
  }
  .stage {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 12rem;
    aspect-ratio: 16 / 9;
    max-height: 70vh;
    background: #000;
    color: #fff;
    border-radius: calc(var(--thron-gallery-radius, 0.5rem) / 2);
    overflow: hidden;
  }
  .stage.audio,
  .stage.document {
    aspect-ratio: auto;
    min-height: 8rem;
  }
  .stage video,
  .stage img,
  .stage ::slotted(*) {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .stage audio {
    width: 90%;
  }
  .stage a {
    color: inherit;
    font-size: 1.1rem;
  }
  .description {
    white-space: pre-line;
  }
  .dialog-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-block-start: 0.75rem;
  }
  .position {
    font-variant-numeric: tabular-nums;
  }
`,
];
