/** <thunder-launch-button>'s strings in English: the fallback, in every bundle, and the shape each translation fills. */
const en = {
  launch: "Open in Thunder",
  launching: "Opening Thunder…",
  launchErrors: {
    ticket: "Your session has expired. Sign in again to open Thunder.",
    forbidden: "You may not open these plays in Thunder.",
    busy: "Too many requests. Try again in a minute.",
    unavailable: "Thunder is not available right now. Try again later.",
    invalid: "These plays cannot be opened in Thunder.",
    network: "No connection. Check your network and try again.",
  },
  notInstalled: "Thunder did not open. It may not be installed on this computer.",
  notInstalledOnTouch: "Thunder did not open. It may not be installed on this device.",
  copyLink: "Copy link",
  linkCopied: "Link copied.",
  copyManually: "Copy this link:",
};

export type ThunderLaunchButtonStrings = typeof en;
export default en;
