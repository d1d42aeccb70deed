import { expect } from "@open-wc/testing";
import { isLaunchable, opensThunderApp } from "./launch-input.ts";

// Which answers the element navigates to, and which open the Thunder app (then the not-installed
// hint may show). Chromium cannot be made to try an external protocol twice in one run without
// stealing focus at its own pace, so the capitals case is checked here rather than by navigating.
describe("launch URLs <thunder-launch-button> opens", () => {
  it("opens the Thunder app for thundercloud: in any case", () => {
    for (const url of ["thundercloud://XOS/launchplayer?plays=1", "THUNDERCLOUD://XOS/launchplayer?plays=1", "ThunderCloud:x"]) {
      expect(isLaunchable(url), url).to.equal(true);
      expect(opensThunderApp(url), url).to.equal(true);
    }
    expect(opensThunderApp("https://localhost:8081/XOS/launchplayer?plays=1")).to.equal(false);
  });

  it("never opens javascript:, data: or what is no URL", () => {
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "not a url",
      "",
    ]) {
      expect(isLaunchable(url), url).to.equal(false);
      expect(opensThunderApp(url), url).to.equal(false);
    }
  });
});
