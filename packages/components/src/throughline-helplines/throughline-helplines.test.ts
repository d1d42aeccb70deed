import { expect } from "@open-wc/testing";
import { executeServerCommand, sendKeys } from "@web/test-runner-commands";
import { firstEvent, mount, setFaults, TEST_BFF, unmountAll, until } from "../internal/test-support.ts";
import type { ThroughLineContactDetail, ThroughLineHelplines } from "./throughline-helplines.ts";
import "./throughline-helplines.ts";

async function helplines(attributes: Record<string, string | boolean>) {
  const el = document.createElement("throughline-helplines") as ThroughLineHelplines;
  el.setAttribute("bff", TEST_BFF);
  for (const [name, value] of Object.entries(attributes)) if (value !== false) el.setAttribute(name, value === true ? "" : value);
  mount().append(el);
  await until(() => !el._loading && (el._answer !== null || el._error !== null), "the helplines to load");
  await el.updateComplete;
  return { el, shadow: el.shadowRoot as ShadowRoot };
}

const names = (shadow: ShadowRoot) => [...shadow.querySelectorAll('[part="name"]')].map((n) => n.textContent);

describe("<throughline-helplines>", () => {
  afterEach(async () => {
    unmountAll();
    await setFaults();
  });

  it("lists a country's helplines for a topic with contact actions, hours and the emergency number", async () => {
    const { shadow } = await helplines({ country: "US", topic: "suicidal-thoughts", limit: "3" });
    expect(names(shadow)[0]).to.equal("988 Suicide & Crisis Lifeline");
    const emergency = shadow.querySelector('[part="emergency"] a') as HTMLAnchorElement;
    expect(emergency.getAttribute("href")).to.equal("tel:911");
    const first = shadow.querySelector('[part="helpline"]') as HTMLElement;
    const links = [...first.querySelectorAll("a")].map((a) => [a.textContent?.trim(), a.getAttribute("href")]);
    expect(links).to.deep.equal([
      ["Call 988", "tel:988"],
      ["Text 988", "sms:988"],
      ["Chat online", "https://988lifeline.example/chat"],
      ["Website", "https://988lifeline.example/"],
    ]);
    expect(first.querySelector("a")?.getAttribute("aria-label")).to.equal("Call 988, 988 Suicide & Crisis Lifeline");
    expect(first.querySelector('[part="hours"]')?.textContent).to.equal("Open 24/7");
    expect(getComputedStyle(first.querySelector('[part="description"]') as Element).whiteSpace).to.equal("pre-line");
  });

  it("shows paired services together, in the page's language, with their weekly hours", async () => {
    const { shadow } = await helplines({ country: "NZ", topic: "anxiety", priority: true, locale: "it" });
    expect(names(shadow)).to.deep.equal(["Lifeline Aotearoa", "Youthline"]);
    expect(shadow.querySelectorAll(".helpline.paired")).to.have.length(2);
    expect(shadow.querySelector('[part="emergency"]')?.textContent).to.contain("chiama il 111");
    const youthHours = shadow.querySelectorAll('[part="hours"]')[1]?.textContent ?? "";
    expect(youthHours).to.match(/^lun–ven 09:00–23:00 · sab 10:00–18:00$/i);
    expect(shadow.querySelector('[part="helpline"] a[href^="tel:"]')?.textContent).to.equal("Chiama 0800 543 354");
  });

  it("emits a cancelable throughline-contact and reports displays and clicks when asked", async () => {
    const before = ((await executeServerCommand("throughline-events")) as unknown[]).length;
    const { el, shadow } = await helplines({ country: "NZ", topic: "domestic-violence", "report-events": true });
    const phone = shadow.querySelector<HTMLAnchorElement>('a[href^="tel:0"]') as HTMLAnchorElement;
    el.addEventListener("throughline-contact", (e) => e.preventDefault(), { once: true });
    const contact = firstEvent<ThroughLineContactDetail>(el, "throughline-contact");
    phone.click();
    const { detail } = await contact;
    expect([detail.type, detail.href, detail.helplineName]).to.deep.equal(["phone", "tel:0800733843", "Women's Refuge Crisisline"]);
    let events: { type: string; helpline_id: string; contact_method?: string }[] = [];
    for (let tries = 0; tries < 50 && events.length < 2; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      events = ((await executeServerCommand("throughline-events")) as typeof events).slice(before);
    }
    expect(events.map((e) => [e.type, e.contact_method])).to.deep.equal([
      ["helpline_display", undefined],
      ["helpline_click", "phone"],
    ]);
  });

  it("is keyboard reachable and passes axe", async () => {
    const { el, shadow } = await helplines({ country: "US", topic: "domestic-violence" });
    shadow.querySelector<HTMLAnchorElement>('[part="emergency"] a')?.focus();
    await sendKeys({ press: "Tab" });
    expect(shadow.activeElement?.getAttribute("href")).to.equal("tel:+18007997233");
    await expect(el).to.be.accessible();
  });

  it("says when nothing matches, and shows an error with retry when the BFF cannot answer", async () => {
    const empty = await helplines({ country: "NZ", topic: "grief-and-loss", priority: true });
    expect(empty.shadow.querySelector('[part="message"]')?.textContent).to.contain("No helplines found");
    expect(empty.shadow.querySelector('[part="emergency"]')?.textContent).to.contain("111");
    await setFaults({ provider: "throughline", errorRate: 1 });
    const failing = await helplines({ country: "US", topic: "substance-use", priority: true });
    expect(failing.shadow.querySelector('[role="alert"]')?.textContent).to.contain("could not be loaded");
    await expect(failing.el).to.be.accessible();
    await setFaults();
    failing.shadow.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await until(() => failing.el.helplines.length > 0, "the retry to load helplines");
  });
});
