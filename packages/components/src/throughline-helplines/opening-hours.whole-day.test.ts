import { expect } from "@open-wc/testing";
import { contactStatus } from "./opening-hours.ts";

// Wednesday 2026-11-18 at 03:00 UTC: 16:00 in Auckland.
const NOW = new Date("2026-11-18T03:00:00Z");
const contact = (hours: { day: string; open: string; close: string }[]) =>
  ({ alwaysOpen: false, hours }) as Parameters<typeof contactStatus>[0];

describe("opening hours: a whole-day period (close = open)", () => {
  it("is open for 24 hours, not 0 minutes: open on Wednesday afternoon, closing Thursday 09:00", () => {
    const status = contactStatus(contact([{ day: "wednesday", open: "09:00", close: "09:00" }]), "Pacific/Auckland", NOW);
    expect(status.state === "open" && `${status.closes.day} ${status.closes.time}`).to.equal("thursday 09:00");
  });

  it("seven of them in a row read as open 24/7", () => {
    const week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => ({
      day,
      open: "00:00",
      close: "00:00",
    }));
    expect(contactStatus(contact(week), "Pacific/Auckland", NOW).state).to.equal("always");
  });
});
