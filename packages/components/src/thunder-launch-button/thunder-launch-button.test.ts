import { expect } from "@open-wc/testing";
import { executeServerCommand, sendKeys } from "@web/test-runner-commands";
import { firstEvent, mount, TEST_BFF, unmountAll } from "../internal/test-support.ts";
import type { ThunderErrorDetail, ThunderLaunchButton, ThunderLaunchDetail } from "./thunder-launch-button.ts";
import "./thunder-launch-button.ts";

const PLAY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

interface Verified {
  method: string;
  payload: string;
  tokenState: string;
}

async function button(attributes: Record<string, string>, label?: string) {
  const el = document.createElement("thunder-launch-button") as ThunderLaunchButton;
  el.setAttribute("bff", TEST_BFF);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (label) el.textContent = label;
  mount().append(el);
  await el.updateComplete;
  const inner = el.shadowRoot?.querySelector("button") as HTMLButtonElement;
  // The launch event is cancelled: that is how a host (and this test) keeps the page from navigating.
  el.addEventListener("thunder-launch", (e) => e.preventDefault());
  return { el, inner };
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
});
