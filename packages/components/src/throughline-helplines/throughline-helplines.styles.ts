import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font: inherit;
      color: var(--throughline-helplines-color, inherit);
    }
    :host([hidden]) {
      display: none;
    }
    .emergency {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      background: var(--throughline-helplines-emergency-background, #fde7e9);
      color: var(--throughline-helplines-emergency-color, #5c0011);
      font-weight: 600;
    }
    .emergency a {
      color: inherit;
    }
    ul.list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--throughline-helplines-gap, 0.75rem);
    }
    .helpline {
      padding: 1rem;
      border: 1px solid var(--throughline-helplines-border, color-mix(in srgb, currentColor 20%, transparent));
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      background: var(--throughline-helplines-background, transparent);
    }
    .helpline.paired {
      border-inline-start: 4px solid var(--throughline-helplines-accent, #0b57d0);
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.05rem;
    }
    .description {
      margin: 0 0 0.5rem;
      white-space: pre-line;
    }
    .hours {
      margin: 0 0 0.5rem;
      font-size: 0.9rem;
      opacity: 0.85;
    }
    ul.contacts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    ul.contacts a {
      display: inline-block;
      padding: 0.4rem 0.8rem;
      border-radius: 999px;
      border: 1px solid var(--throughline-helplines-accent, #0b57d0);
      color: var(--throughline-helplines-accent, #0b57d0);
      text-decoration: none;
    }
    ul.contacts a:hover {
      background: color-mix(in srgb, var(--throughline-helplines-accent, #0b57d0) 10%, transparent);
    }
    a:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--throughline-helplines-focus-ring, #1a73e8);
      outline-offset: 2px;
    }
    .message {
      padding: 0.75rem 1rem;
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      background: color-mix(in srgb, currentColor 6%, transparent);
    }
    .stale {
      font-size: 0.85rem;
      opacity: 0.8;
    }
    button {
      font: inherit;
      cursor: pointer;
      padding: 0.35rem 0.8rem;
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      border: 1px solid currentColor;
      background: transparent;
      color: inherit;
    }
  `,
];
