import { css } from "lit";

export const styles = css`
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
  .badge {
    position: absolute;
    inset-block-end: 0.4rem;
    inset-inline-start: 0.4rem;
    padding: 0.1rem 0.45rem;
    border-radius: 999px;
    font-size: 0.75rem;
    background: var(--thron-gallery-badge-background, rgb(0 0 0 / 0.72));
    color: var(--thron-gallery-badge-color, #fff);
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
  button:focus-visible {
    outline: 3px solid var(--thron-gallery-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
