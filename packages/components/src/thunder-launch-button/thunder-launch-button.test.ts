import { expect } from "@open-wc/testing";
import { executeServerCommand, sendKeys } from "@web/test-runner-commands";
import { firstEvent, mount, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThunderErrorDetail, ThunderLaunchButton, ThunderLaunchDetail } from "./thunder-launch-button.ts";
import "./thunder-launch-button.ts";
import { navigation } from "./navigation.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

interface Verified {
  method: string;
  payload: string;
  tokenState: string;
  league?: string;
  angles?: string[];
}

async function button(attributes: Record<string, string>, label?: string, options: { navigate?: boolean; host?: HTMLElement } = {}) {
  const el = document.createElement("thunder-launch-button") as ThunderLaunchButton;
  el.setAttribute("bff", TEST_BFF);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (label) el.textContent = label;
  (options.host ?? mount()).append(el);
  await el.updateComplete;
  const inner = el.shadowRoot?.querySelector("button") as HTMLButtonElement;
  // The launch event is cancelled: that is how a host (and this test) keeps the page from navigating.
  if (!options.navigate) el.addEventListener("thunder-launch", (e) => e.preventDefault());
  return { el, inner };
}

/** Records console.warn lines while `run` runs (the browser's console, not ours). */
async function warnings(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(" "));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe("<thunder-launch-button>", () => {
  afterEach(() => unmountAll());

  it("is a real button with the slotted label, disabled when there is nothing to launch", async () => {
    const { el, inner } = await button({ method: "plays", ids: "" }, "Watch in Thunder");
    expect(inner.disabled).to.equal(true);
    expect(el.shadowRoot?.querySelector("slot")?.assignedNodes()[0]?.textContent).to.equal("Watch in Thunder");
    el.ids = PLAY;
    await el.updateComplete;
    expect(inner.disabled).to.equal(false);
    el.method = "teleport";
    await el.updateComplete;
    expect(inner.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("warns in the console, naming the attribute and what it accepts, when an attribute cannot launch", async () => {
    const seen = await warnings(async () => {
      const { el, inner } = await button({ method: "bad", ids: PLAY });
      expect(inner.disabled).to.equal(true);
      el.method = "stats";
      el.ids = "12 x3";
      await el.updateComplete;
      el.method = "gsis-message";
      el.ids = "1|2";
      el.league = "MLS";
      await el.updateComplete;
      // The same mistake again, after another: said once already.
      el.method = "bad";
      await el.updateComplete;
    });
    expect(seen).to.have.length(3);
    expect(seen[0])
      .to.contain('<thunder-launch-button> method="bad"')
      .and.to.contain("plays, edits, gsis, gsis-nonpro, stats, xos-message, gsis-message, pff-message");
    expect(seen[1]).to.contain('ids="x3"').and.to.contain("a STATS play id (digits)");
    expect(seen[2]).to.contain('league="MLS"').and.to.contain("NFL, NCAA, AAF, XFL, CFL");
  });

  it("launches the MessageXML family with the league and angles it is given", async () => {
    const ticket = (await executeServerCommand("thunder-ticket")) as string;
    const { el, inner } = await button({
      method: "gsis-message",
      ids: "57511|763:mia 57511|800",
      league: "NCAA",
      angles: "endzone tv-broadcast",
      ticket,
    });
    const launched = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    inner.click();
    const verified = (await executeServerCommand("thunder-verify", { url: (await launched).detail.url })) as Verified;
    expect([verified.method, verified.payload, verified.league, verified.angles, verified.tokenState]).to.deep.equal([
      "gsis-message",
      "57511|763:MIA,57511|800",
      "NCAA",
      ["Endzone", "TVBroadcast"],
      "ok",
    ]);
  });

  it("keeps its error message readable (AA) on a dark page", async () => {
    const page = mount();
    page.style.cssText = "color-scheme: dark; background: #15171c; color: #eceef3; padding: 1rem";
    const { el, inner } = await button({ method: "plays", ids: PLAY }, undefined, { host: page });
    const failed = firstEvent<ThunderErrorDetail>(el, "thunder-error");
    inner.click();
    await failed;
    await el.updateComplete;
    const message = el.shadowRoot?.querySelector('[part="message"]') as HTMLElement;
    expect(message.textContent).to.contain("session has expired");
    expect(getComputedStyle(message).color).to.equal("rgb(255, 180, 171)");
    await expect(el).to.be.accessible();
  });

  it("launches with a ticket: busy while minting, then thunder-launch with a URL Thunder accepts", async () => {
    const ticket = (await executeServerCommand("thunder-ticket", { ids: [PLAY, OTHER] })) as string;
    const { el, inner } = await button({ method: "plays", ids: `${PLAY}, ${OTHER}`, ticket });
    const launched = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    inner.click();
    await el.updateComplete;
    expect(inner.getAttribute("aria-busy")).to.equal("true");
    expect(inner.getAttribute("aria-disabled")).to.equal("true");
    inner.click(); // a second click while minting is ignored
    const { detail } = await launched;
    let launches = 1;
    el.addEventListener("thunder-launch", () => launches++);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(launches).to.equal(1);
    expect(detail.ids).to.deep.equal([PLAY, OTHER]);
    expect(Date.parse(detail.expiresAt)).to.be.greaterThan(Date.now());
    const verified = (await executeServerCommand("thunder-verify", { url: detail.url })) as Verified;
    expect([verified.method, verified.payload, verified.tokenState]).to.deep.equal(["plays", `${PLAY},${OTHER}`, "ok"]);
    await el.updateComplete;
    expect(inner.getAttribute("aria-busy")).to.equal("false");
  });

  it("fetches a fresh ticket from ticket-url at each click, and works by keyboard", async () => {
    const { el, inner } = await button({ method: "stats", ids: "123 456", "ticket-url": "/host/ticket", locale: "it" });
    expect(el.shadowRoot?.querySelector("slot")?.textContent).to.equal("Apri in Thunder");
    const before = (await executeServerCommand("ticket-requests")) as number;
    inner.focus();
    const first = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    await sendKeys({ press: "Enter" });
    await first;
    const second = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    await sendKeys({ press: "Space" });
    expect((await second).detail.ids).to.deep.equal(["123", "456"]);
    expect((await executeServerCommand("ticket-requests")) as number).to.equal(before + 2);
  });

  it("says why it failed, in the page's language, and emits thunder-error", async () => {
    const { el, inner } = await button({ method: "plays", ids: PLAY, locale: "de" });
    const failed = firstEvent<ThunderErrorDetail>(el, "thunder-error");
    inner.click();
    const { detail } = await failed;
    expect(detail.status).to.equal(401);
    expect(detail.title).to.equal("A valid launch ticket is required");
    await el.updateComplete;
    const message = el.shadowRoot?.querySelector('[role="alert"]');
    expect(message?.textContent).to.contain("Sitzung ist abgelaufen");
    expect(inner.getAttribute("aria-describedby")).to.equal("message");
    await expect(el).to.be.accessible();
  });

  it("refuses ids the ticket does not cover", async () => {
    const ticket = (await executeServerCommand("thunder-ticket", { ids: [OTHER] })) as string;
    const { el, inner } = await button({ method: "plays", ids: PLAY, ticket });
    const failed = firstEvent<ThunderErrorDetail>(el, "thunder-error");
    inner.click();
    expect((await failed).detail.status).to.equal(403);
  });

  it("keeps no token: nothing of the launch URL stays on the element", async () => {
    const ticket = (await executeServerCommand("thunder-ticket")) as string;
    const { el, inner } = await button({ method: "stats", ids: "9", ticket });
    const launched = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    inner.click();
    const { detail } = await launched;
    const token = /token='([^']+)'/.exec(detail.url)?.[1] ?? "";
    expect(token).to.have.length.greaterThan(8);
    await el.updateComplete;
    expect(el.outerHTML + (el.shadowRoot?.innerHTML ?? "")).not.to.contain(token);
    const ownStrings = Object.getOwnPropertyNames(el)
      .map((name) => (el as unknown as Record<string, unknown>)[name])
      .filter((value): value is string => typeof value === "string");
    expect(ownStrings.join(" ")).not.to.contain(token);
  });

  // Last: once the page has tried an external protocol, the next tests' key presses went astray in Chromium.
  it("says Thunder may not be installed when its link opens nothing, and copies the link by keyboard", async () => {
    const ticket = (await executeServerCommand("thunder-ticket")) as string;
    const { el, inner } = await button({ method: "stats", ids: "42", ticket }, undefined, { navigate: true });
    el.appWaitMs = 100;
    const copied: string[] = [];
    // Thunder is not installed: the thundercloud: link opens nothing and the page stays (a real
    // navigation to it can open Chrome's external-protocol dialog, which steals the keyboard).
    const opened: string[] = [];
    const assign = navigation.assign;
    navigation.assign = (url) => opened.push(url);
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, "clipboard");
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (text: string) => copied.push(text) } });
    try {
      const launched = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
      inner.click();
      const { url } = (await launched).detail;
      expect(url.startsWith("thundercloud://")).to.equal(true);
      expect(opened).to.deep.equal([url], "the element opened the link");
      const hint = el.shadowRoot?.querySelector('[part="hint"]') as HTMLElement;
      expect(hint.textContent?.trim()).to.equal("", "the live region is there, empty, before anything happens");
      await until(() => !!hint.textContent?.includes("may not be installed"), "the not-installed hint");
      expect(hint.getAttribute("role")).to.equal("status");
      expect(hint.textContent).to.contain("may not be installed");
      await expect(el).to.be.accessible();
      inner.focus();
      await sendKeys({ press: "Tab" });
      expect(el.shadowRoot?.activeElement?.getAttribute("part")).to.equal("copy");
      await sendKeys({ press: "Enter" });
      await until(() => copied.length === 1, "the link copied");
      expect(copied[0]).to.equal(url);
      await el.updateComplete;
      expect(hint.textContent).to.contain("Link copied");
      expect(el.shadowRoot?.activeElement?.getAttribute("part")).to.equal("copy", "focus stays on the copy button");
    } finally {
      navigation.assign = assign;
      if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
      else delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    }
  });

  /** Answers launches with `url`, as a BFF that was tampered with could; everything else goes to the real BFF. */
  async function withLaunchAnswer(url: string, run: () => Promise<void>): Promise<void> {
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith("/v1/thunder/launch")
        ? Promise.resolve(Response.json({ url, expiresAt: new Date(Date.now() + 60_000).toISOString() }))
        : original(input, init);
    try {
      await run();
    } finally {
      window.fetch = original;
    }
  }

  it("never opens a javascript: or data: URL, whatever the BFF answers, and says the launch failed", async () => {
    for (const url of [
      "javascript:window.__thunderRan=1",
      "JavaScript:window.__thunderRan=1",
      "data:text/html,<script>1</script>",
      "not a url",
    ]) {
      await withLaunchAnswer(url, async () => {
        const { el, inner } = await button({ method: "stats", ids: "1" }, undefined, { navigate: true });
        const launched: unknown[] = [];
        el.addEventListener("thunder-launch", (e) => launched.push(e));
        const failed = firstEvent<ThunderErrorDetail>(el, "thunder-error");
        inner.click();
        expect((await failed).detail.status).to.equal(502, url);
        await el.updateComplete;
        expect(launched, url).to.have.length(0);
        expect((window as unknown as { __thunderRan?: number }).__thunderRan, url).to.equal(undefined);
        expect(el.shadowRoot?.querySelector('[part="message"]')?.textContent, url).not.to.equal("");
        await expect(el).to.be.accessible();
      });
      unmountAll();
    }
  });
});

/**
 * A real `thundercloud:` navigation, as a visitor's click makes it. This Chromium has no app
 * for the scheme; what the browser's prompt and a real app do to the page is played with the
 * events they fire (`blur`, `focus`) or, for an app taking over, by hiding the page for real.
 * No keyboard here: after an external-protocol navigation, Chromium's key presses can go astray.
 */
describe("<thunder-launch-button> opening a real thundercloud: link", () => {
  afterEach(() => unmountAll());

  async function launchForReal(before: (el: ThunderLaunchButton) => void = () => {}) {
    const ticket = (await executeServerCommand("thunder-ticket")) as string;
    const { el, inner } = await button({ method: "stats", ids: "42", ticket }, undefined, { navigate: true });
    el.appWaitMs = 100;
    el.promptWaitMs = 400;
    before(el);
    const launched = firstEvent<ThunderLaunchDetail>(el, "thunder-launch");
    inner.click();
    const { url } = (await launched).detail;
    expect(url.startsWith("thundercloud://")).to.equal(true);
    const hint = el.shadowRoot?.querySelector('[part="hint"]') as HTMLElement;
    return { el, hint };
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const windowEvent = (name: "blur" | "focus") => window.dispatchEvent(new FocusEvent(name));

  it("says Thunder may not be installed when nothing takes over", async () => {
    const { el, hint } = await launchForReal();
    await until(() => !!hint.textContent?.includes("may not be installed on this computer"), "the not-installed hint");
    await expect(el).to.be.accessible();
  });

  it("still says so after the browser's open-the-app prompt blurred the window and gave the focus back", async () => {
    const { hint } = await launchForReal();
    windowEvent("blur"); // Chromium's "Open thundercloud?" prompt appears…
    await pause(250); // …stays past the 100 ms wait…
    expect(hint.textContent?.trim()).to.equal("", "no verdict while the prompt is up");
    windowEvent("focus"); // …and is dismissed: no app took over.
    await until(() => !!hint.textContent?.includes("may not be installed"), "the not-installed hint after the prompt");
  });

  it("says nothing when Thunder comes to the front and stays there, even once the visitor comes back", async () => {
    const { hint } = await launchForReal();
    windowEvent("blur");
    await pause(600); // longer than promptWaitMs: the app, not a prompt
    windowEvent("focus");
    await pause(200);
    expect(hint.textContent?.trim()).to.equal("");
  });

  it("says nothing when the app takes the page over (hidden)", async () => {
    const { hint } = await launchForReal();
    await executeServerCommand("page-hidden");
    await pause(300);
    expect(hint.textContent?.trim()).to.equal("");
  });

  it("on a phone, does not speak of 'this computer'", async () => {
    await executeServerCommand("emulate-touch", true);
    try {
      const { el, hint } = await launchForReal();
      await until(() => !!hint.textContent?.includes("may not be installed"), "the not-installed hint");
      expect(hint.textContent).to.contain("on this device").and.not.to.contain("computer");
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand("emulate-touch", false);
    }
  });
});
