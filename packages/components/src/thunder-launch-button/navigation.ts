/**
 * How the element leaves for a launch URL, in one object so a test can stand in for the
 * browser's external-protocol handling: a real `thundercloud:` navigation in headless Chrome
 * can open a dialog that takes the keyboard focus at any moment.
 */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
