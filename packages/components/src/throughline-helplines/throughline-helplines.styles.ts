import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

/**
 * Default colours come in pairs through light-dark(): the element follows the page's
 * `color-scheme` (a page with `color-scheme: light dark` follows prefers-color-scheme), so
 * links and notices keep AA contrast on light and dark pages alike. Text inherits the page's.
 */
export const styles = [
  visuallyHidden,
  css`
    :host {
      display: block;
      font: inherit;
      color: var(--throughline-helplines-color, inherit);
      --_accent: var(--throughline-helplines-accent, light-dark(#0b57d0, #a8c7fa));
      --_open: var(--throughline-helplines-open, light-dark(#146c2e, #8fdc9f));
    }
    :host([hidden]) {
      display: none;
    }
    .emergency {
      margin: 0 0 1rem;
      padding: 0.5rem 1rem;
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      background: var(--throughline-helplines-emergency-background, light-dark(#fde7e9, #3d1418));
      color: var(--throughline-helplines-emergency-color, light-dark(#5c0011, #ffd9dc));
      font-weight: 600;
    }
    /* A target of at least 44×44 px, even on a phone (WCAG 2.5.5). */
    .emergency a {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-inline-size: 44px;
      min-block-size: 44px;
      padding-inline: 0.5rem;
      box-sizing: border-box;
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
      border-inline-start: 4px solid var(--_accent);
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
    }
    ul.contacts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
    }
    li.contact {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.2rem;
    }
    ul.contacts a {
      display: inline-block;
      padding: 0.4rem 0.8rem;
      border-radius: 999px;
      border: 1px solid var(--_accent);
      color: var(--_accent);
      text-decoration: none;
    }
    ul.contacts a:hover {
      background: color-mix(in srgb, var(--_accent) 12%, transparent);
    }
    .status,
    .schedule {
      font-size: 0.85rem;
      padding-inline-start: 0.8rem;
    }
    /* A range ("12–24", "09:00–23:00") stays on one line (keep-together.ts). */
    .nowrap {
      white-space: nowrap;
    }
    .status.open,
    .status.always {
      color: var(--_open);
      font-weight: 600;
    }
    a:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--throughline-helplines-focus-ring, light-dark(#1a73e8, #8ab4f8));
      outline-offset: 2px;
    }
    .message {
      padding: 0.75rem 1rem;
      border-radius: var(--throughline-helplines-radius, 0.5rem);
      background: color-mix(in srgb, currentColor 6%, transparent);
    }
    .stale {
      font-size: 0.85rem;
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
