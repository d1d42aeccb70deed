import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
  :host {
    display: inline-block;
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: var(--thunder-launch-button-padding, 0.55rem 1.1rem);
    border-radius: var(--thunder-launch-button-radius, 0.4rem);
    border: 1px solid var(--thunder-launch-button-border, transparent);
    background: var(--thunder-launch-button-background, #0b57d0);
    color: var(--thunder-launch-button-color, #fff);
  }
  button:hover:not(:disabled) {
    filter: brightness(1.1);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible {
    outline: 3px solid var(--thunder-launch-button-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  .spinner {
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  .message {
    margin: 0.4rem 0 0;
    font-size: 0.9rem;
    color: var(--thunder-launch-button-error-color, #b3261e);
    /* Follows the page's color-scheme: a dark red on light pages, a light red on dark ones (both AA). */
    color: var(--thunder-launch-button-error-color, light-dark(#b3261e, #ffb4ab));
  }
  .message:empty {
    display: none;
  }
  .hint:not(:has(span)) {
    display: none;
  }
  .hint {
    margin: 0.4rem 0 0;
    font-size: 0.9rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .copy {
    font: inherit;
    cursor: pointer;
    padding: 0.2rem 0.6rem;
    border-radius: var(--thunder-launch-button-radius, 0.4rem);
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
  }
  .copy:focus-visible,
  .link:focus-visible {
    outline: 3px solid var(--thunder-launch-button-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  .link {
    font: inherit;
    width: min(30rem, 100%);
  }
`,
];
