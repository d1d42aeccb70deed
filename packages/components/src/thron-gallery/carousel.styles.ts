import { css } from "lit";

/**
 * `layout="carousel"`: one row of tiles that scrolls and snaps. The controls sit in a row of
 * their own above the slides, kept from the start (the section is there before their code
 * loads on first use), so their arrival never moves the tiles and they never cover a slide.
 */
export const carouselStyles = css`
  .carousel {
    position: relative;
    padding-block-start: calc(2.75rem + 0.5rem);
  }
  .carousel-controls {
    position: absolute;
    z-index: 1;
    inset-block-start: 0;
    inset-inline-end: 0;
    height: 2.75rem;
    display: flex;
    gap: 0.4rem;
  }
  .carousel-controls button {
    min-width: 2.75rem;
    padding: 0.3rem 0.75rem;
    background: var(--thron-gallery-background, Canvas);
    color: var(--thron-gallery-color, CanvasText);
  }
  .carousel .grid {
    grid-template-columns: none;
    grid-auto-flow: column;
    grid-auto-columns: var(
      --thron-gallery-slide-width,
      max(var(--thron-gallery-tile-min-width, 11rem), calc((100% - 2 * var(--thron-gallery-gap, 1rem)) / 3))
    );
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scroll-behavior: smooth;
    padding-block-end: 0.5rem;
  }
  /* The next button loads more at the end of the row. */
  .carousel ~ .actions {
    display: none;
  }
  .carousel .tile {
    scroll-snap-align: start;
  }
  @media (prefers-reduced-motion: reduce) {
    .carousel .grid {
      scroll-behavior: auto;
    }
  }
`;
