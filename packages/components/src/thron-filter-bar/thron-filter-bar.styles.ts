import { css } from "lit";
import { visuallyHidden } from "../internal/shared-styles.ts";

export const styles = [
  visuallyHidden,
  css`
  :host {
    display: block;
    container: filter-bar / inline-size;
    font: inherit;
    color: var(--thron-filter-bar-color, inherit);
    margin-block-end: var(--thron-filter-bar-spacing, 1rem);
    /* One height and one text size for every control, labels included. */
    --_control-height: 2.5rem;
    --_label-height: 1.5rem;
  }
  :host([hidden]) {
    display: none;
  }
  form {
    font-size: 1rem;
    line-height: 1.5;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .filters {
    flex: 1 1 20rem;
    min-width: 0;
    display: flex;
    gap: 1rem;
    align-items: end;
    overflow-x: auto;
    scrollbar-width: thin;
    /* A focused control is scrolled clear of the faded end (see .more-after). */
    scroll-padding-inline: 3rem;
    /* Room for focus rings inside the scroller; the height of a field before the filters arrive. */
    padding: 4px;
    margin: -4px;
    min-height: calc(var(--_label-height) + var(--_control-height) + 0.25rem);
  }
  /* More of the row past its end (scroll-hint.ts): the end fades out, so the cut reads as "scroll for more". */
  .filters.more-after {
    mask-image: linear-gradient(to var(--_end, right), #000 calc(100% - 3rem), transparent);
  }
  :host(:dir(rtl)) {
    --_end: left;
  }
  .field,
  fieldset {
    flex: none;
    display: grid;
    grid-template-rows: var(--_label-height) var(--_control-height);
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: none;
    min-inline-size: 0;
  }
  .field:has([part="search"]) {
    flex: 1 1 12rem;
    max-width: 20rem;
  }
  /* A phone: the search takes the whole row, so it lines up with Clear all at the row's end. */
  @container filter-bar (max-width: 32rem) {
    .field:has([part="search"]) {
      flex-basis: 100%;
      max-width: none;
    }
  }
  .label,
  legend {
    float: left;
    padding: 0;
    height: var(--_label-height);
    white-space: nowrap;
  }
  input[type="search"],
  select,
  .options,
  button {
    box-sizing: border-box;
    height: var(--_control-height);
    font: inherit;
    border-radius: var(--thron-filter-bar-radius, 0.4rem);
  }
  input[type="search"],
  select {
    padding: 0 0.6rem;
    min-width: 10rem;
    width: 100%;
    border: 1px solid var(--thron-filter-bar-border, color-mix(in srgb, currentColor 40%, transparent));
    background: var(--thron-filter-bar-control-background, Field);
    color: var(--thron-filter-bar-control-color, FieldText);
  }
  .options {
    clear: left;
    display: flex;
    gap: 0.75rem;
    align-items: center;
    padding: 0 0.75rem;
    white-space: nowrap;
    border: 1px solid var(--thron-filter-bar-border, color-mix(in srgb, currentColor 40%, transparent));
  }
  .options label {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
  }
  input[type="checkbox"] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  button {
    flex: none;
    cursor: pointer;
    border: 1px solid var(--thron-filter-bar-accent, currentColor);
    background: transparent;
    color: inherit;
    padding: 0 0.9rem;
  }
  .selection {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
    margin-block-start: 0.5rem;
    min-height: var(--_control-height);
  }
  [part="clear"] {
    margin-inline-start: auto;
  }
  button.chip {
    border-radius: 999px;
    padding: 0 0.75rem;
    background: var(--thron-filter-bar-chip-background, color-mix(in srgb, currentColor 10%, transparent));
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :is(button, input, select):focus-visible {
    outline: 3px solid var(--thron-filter-bar-focus-ring, #1a73e8);
    outline-offset: 2px;
  }
  p[role="alert"] {
    margin: 0.5rem 0 0;
  }
`,
];
