import { css } from "lit";

/**
 * `layout="carousel"`: one row of tiles that scrolls and snaps. The controls float over the row's
 * corner, so their arrival (their code loads on first use) never moves the tiles.
 */
export const carouselStyles = css`
  .carousel {
    position: relative;
  }
  .carousel-controls {
    position: absolute;
    z-index: 1;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    display: flex;
    gap: 0.4rem;
  }
  .carousel-controls button {
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
