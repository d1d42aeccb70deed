import { css } from "lit";

/** `layout="carousel"`: one row of tiles that scrolls and snaps, with its controls above. */
export const carouselStyles = css`
  .carousel-controls {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .carousel-controls button {
    padding: 0.35rem 0.8rem;
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
  .carousel .tile {
    scroll-snap-align: start;
  }
  @media (prefers-reduced-motion: reduce) {
    .carousel .grid {
      scroll-behavior: auto;
    }
  }
`;
