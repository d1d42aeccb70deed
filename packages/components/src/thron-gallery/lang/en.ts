/** <thron-gallery>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
const en = {
  loading: "Loading…",
  loadMore: "Load more",
  empty: "Nothing matches. Try other filters.",
  error: "The gallery could not be loaded.",
  retry: "Try again",
  showing: (shown: number, total: number) => `Showing ${shown} of ${total}`,
  types: { image: "Image", video: "Video", audio: "Audio", document: "Document" },
  close: "Close",
  previous: "Previous",
  next: "Next",
  position: (index: number, count: number) => `${index} of ${count}`,
  openDocument: "Open the document",
  assetError: "This item could not be shown.",
  carousel: "Carousel",
  slide: "Slide",
  previousSlides: "Previous slides",
  nextSlides: "Next slides",
  startRotation: "Start the slide show",
  stopRotation: "Stop the slide show",
  zoom: "Zoom",
  fullscreen: "Full screen",
  viewer: "Viewer",
  thumbnails: "Thumbnails",
  play: "Play",
  shownAsset: (index: number, count: number, title: string) => `${index} of ${count}: ${title}`,
};

export type ThronGalleryStrings = typeof en;
export default en;
