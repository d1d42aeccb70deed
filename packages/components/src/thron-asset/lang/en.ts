/** <thron-asset>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
const en = {
  loading: "Loading…",
  assetError: "This item could not be shown.",
  notAvailable: "This content is not available.",
  download: "Download",
};

export type ThronAssetStrings = typeof en;
export default en;
