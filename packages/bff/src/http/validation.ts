/** Turns a failed zod validation into a 400 problem that names each field as the client sent it. */
import type { Context } from "hono";
import type { ZodError } from "zod";
import { invalidRequest, sendProblem } from "../core/problem.ts";

type Target = "query" | "param" | "json" | string;

/** `type.0` in a query is just `type` to the client who repeated it; `ids.3` in a body is `ids[3]`. */
function fieldName(path: readonly PropertyKey[], target: Target): string {
  const parts = target === "json" ? path : path.filter((p) => typeof p !== "number");
  const name = parts.map((p, i) => (typeof p === "number" ? `[${p}]` : `${dotBefore(i)}${String(p)}`)).join("");
  // Stryker disable next-line ConditionalExpression: true differs only for a query or path failing as a whole, which cannot happen (both are objects of strings); false is killed (hostile-input: JSON that is not an object)
  return name || (target === "json" ? "(body)" : target);
}

/** "." between two names (`a.b`), none before the first. */
// Stryker disable next-line ConditionalExpression,StringLiteral: no query or body the API takes has an object inside an object, so "." never joins two names
const dotBefore = (i: number) => (i > 0 ? "." : "");

export function validationHook(result: { success: boolean; error?: ZodError; target?: Target }, c: Context): Response | undefined {
  if (result.success || !result.error) return undefined;
  // Stryker disable next-line StringLiteral: Hono's validators always name their target
  const errors = result.error.issues.map((issue) => ({ field: fieldName(issue.path, result.target ?? "json"), message: issue.message }));
  return sendProblem(c, invalidRequest(errors));
}
