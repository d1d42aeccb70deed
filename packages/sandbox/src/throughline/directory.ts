/** ThroughLine's helpline directory (API v2): countries, topics, helplines with today's opening hours. */
import type { Context, Hono } from "hono";
import { COUNTRIES, HELPLINES, type SandboxContactMethod, type SandboxHelpline, TOPICS } from "./data.ts";
import { localDay, openingHours } from "./opening-hours.ts";

/** ThroughLine's error body: `{error, error_description}`. */
export const tlError = (c: Context, status: 400 | 401 | 404 | 410 | 429, code: string, description: string) =>
  c.json({ error: code, error_description: description }, status);

export function mountDirectory(app: Hono, clock: () => number): void {
  const contactMethod = (method: SandboxContactMethod, zone: string) => {
    const weekly = typeof method.weekly === "function" ? method.weekly(localDay(zone, clock())) : (method.weekly ?? []);
    return {
      contactMethodType: method.type,
      value: method.value,
      alwaysOpen: method.alwaysOpen ?? false,
      openingHours: method.alwaysOpen ? [] : openingHours(zone, weekly, clock()),
    };
  };
  const publicHelpline = ({ priority: _priority, contactMethods, ...helpline }: SandboxHelpline) => ({
    ...helpline,
    contactMethods: contactMethods.map((m) => contactMethod(m, helpline.timezone)),
  });
  const topicMatches = (helpline: SandboxHelpline, topic: string) => {
    const wanted = topic.trim().toLowerCase();
    const known = TOPICS.find((t) => t.name.toLowerCase() === wanted || t.code === wanted);
    return !!known && helpline.topics.includes(known.name);
  };

  app.get("/v2/countries", (c) => c.json({ countries: COUNTRIES }));
  app.get("/v2/topics", (c) => c.json({ topics: TOPICS }));
  app.get("/v2/helplines", (c) => {
    const country = c.req.query("country_code")?.toUpperCase();
    const topic = c.req.query("topic");
    const priorityOnly = c.req.query("priority_only") === "true";
    const limit = Number(c.req.query("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return tlError(c, 400, "invalid_request", "limit must be between 1 and 100.");
    const helplines = HELPLINES.filter(
      (h) => (!country || h.country.code === country) && (!topic || topicMatches(h, topic)) && (!priorityOnly || h.priority),
    ).slice(0, limit);
    return c.json({ helplines: helplines.map(publicHelpline) });
  });
  app.get("/v2/helplines/:id", (c) => {
    const helpline = HELPLINES.find((h) => h.id === c.req.param("id"));
    return helpline ? c.json({ helpline: publicHelpline(helpline) }) : tlError(c, 404, "not_found", "No such helpline.");
  });
}

/** The two events endpoints at the `/v1/events/…` paths ThroughLine documents; each event is kept in `events`. */
export function mountEvents(app: Hono, events: Record<string, unknown>[]): void {
  const event = (type: string) => async (c: Context) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const valid =
      body &&
      typeof body.helpline_id === "string" &&
      typeof body.session_id === "string" &&
      typeof body.timestamp === "string" &&
      !Number.isNaN(Date.parse(body.timestamp)) &&
      (type !== "helpline_click" || typeof body.contact_method === "string");
    if (!valid)
      return tlError(c, 400, "invalid_request", "helpline_id, session_id, timestamp (and contact_method for clicks) are required.");
    events.push({ type, ...body });
    return c.body(null, 204);
  };
  app.post("/v1/events/helpline_display", event("helpline_display"));
  app.post("/v1/events/helpline_click", event("helpline_click"));
}
