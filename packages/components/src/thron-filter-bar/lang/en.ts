/** <thron-filter-bar>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
const en = {
  search: "Search",
  all: "All",
  clearAll: "Clear all",
  selected: "Selected filters",
  remove: (label: string) => `Remove ${label}`,
  filtersError: "The filters could not be loaded.",
};

export type ThronFilterBarStrings = typeof en;
export default en;
