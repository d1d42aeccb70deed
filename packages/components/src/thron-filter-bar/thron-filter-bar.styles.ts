import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    font: inherit;
    color: var(--thron-filter-bar-color, inherit);
    margin-block-end: var(--thron-filter-bar-spacing, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.25rem;
    align-items: end;
  }
  label.field {
    display: grid;
    gap: 0.25rem;
    font-size: 0.9rem;
  }
  input[type="search"],
  select {
    font: inherit;
    padding: 0.4rem 0.6rem;
    min-width: 10rem;
    border-radius: var(--thron-filter-bar-radius, 0.4rem);
    border: 1px solid var(--thron-filter-bar-border, color-mix(in srgb, currentColor 40%, transparent));
    background: var(--thron-filter-bar-control-background, Field);
    color: var(--thron-filter-bar-control-color, FieldText);
  }
  fieldset {
    border: 1px solid var(--thron-filter-bar-border, color-mix(in srgb, currentColor 40%, transparent));
    border-radius: var(--thron-filter-bar-radius, 0.4rem);
    margin: 0;
    padding: 0.25rem 0.75rem 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    font-size: 0.9rem;
  }
  legend {
    padding: 0 0.25rem;
  }
  fieldset label {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
  }
  .selection {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--thron-filter-bar-radius, 0.4rem);
    border: 1px solid var(--thron-filter-bar-accent, currentColor);
    background: transparent;
    color: inherit;
    padding: 0.35rem 0.8rem;
  }
  button.chip {
    border-radius: 999px;
    padding: 0.15rem 0.6rem;
    font-size: 0.85rem;
    background: var(--thron-filter-bar-chip-background, color-mix(in srgb, currentColor 10%, transparent));
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  :is(button, input, select):focus-visible {
    outline: 3px solid var(--thron-filter-bar-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
`,
];
