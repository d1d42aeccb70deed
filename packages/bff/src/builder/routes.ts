/**
 * /builder: the page where an editor chooses an element, a preset and a theme and copies the
 * embed snippet (served in sandbox mode, or with BFF_BUILDER=1), and /builder/origin, which
 * tells the page whether a site may embed the elements (the same answer CORS gives that site).
 */
import { Hono } from "hono";
import { invalidRequest } from "../core/problem.ts";
import { builderPage } from "./page.ts";

export interface BuilderDeps {
  /** Where browsers reach the BFF: the snippet's script tag points there. */
  publicUrl: string;
  galleries: string[];
  isAllowedOrigin: (origin: string) => boolean;
}

const ORIGIN = /^https?:\/\/[^/?#\s]+$/;

export function builderRoutes({ publicUrl, galleries, isAllowedOrigin }: BuilderDeps) {
  const app = new Hono();
  const page = builderPage({ publicUrl, galleries });
  // Stryker disable next-line StringLiteral: Hono routes "" in a mounted app as it does "/": /builder alone either way
  app.get("/", (c) => {
    c.header("cache-control", "no-cache");
    return c.html(page);
  });
  app.get("/origin", (c) => {
    const origin =
      c.req.query("origin")?.trim().replace(/\/+$/, "") ??
      // Stryker disable next-line StringLiteral: whatever stands in for a missing origin, ORIGIN refuses it below: the same 400
      "";
    if (!ORIGIN.test(origin))
      throw invalidRequest([{ field: "origin", message: "must be a site's address such as https://www.example.com" }]);
    c.header("cache-control", "no-store");
    return c.json({ origin, allowed: isAllowedOrigin(origin) });
  });
  return app;
}
