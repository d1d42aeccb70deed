/**
 * An environment variable is a zod schema with its metadata: the schema says what the variable
 * parses to (and so the configuration's type) and what unset means; the metadata names the
 * variable, documents it and marks it secret. loadConfig, secretsOf and docs/configuration.md
 * are all read from these, so each fact about a variable is written once.
 */
import { z } from "zod";

export type Env = Record<string, string | undefined>;

export interface VarMeta {
  /** The environment variable's name. */
  env: string;
  /** Its line in docs/configuration.md. */
  doc: string;
  /** Never logged, never answered, never in a URL: secretsOf() lists its value. */
  secret?: true;
  /** One of a provider's credentials: setting any of them enables the provider, and then all are needed. */
  credential?: true;
  /** What unset means, where that depends on other settings (else the schema's default says it). */
  unset?: string;
}

const VARS = z.registry<VarMeta>();

/** Unset and blank (`NAME=`) are alike; values are trimmed. */
const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** `schema` reads the variable's trimmed text, or `undefined` when it is unset. */
export function envVar<T extends z.ZodType>(meta: VarMeta, schema: T) {
  const variable = z.preprocess(blankIsUnset, schema);
  VARS.add(variable as z.ZodType, meta);
  return variable;
}

export type VarShape = Record<string, z.ZodType>;
export type VarValues<S extends VarShape> = { [K in keyof S]: z.output<S[K]> };

export function metaOf(schema: z.ZodType): VarMeta {
  const meta = VARS.get(schema);
  if (!meta) throw new Error("not an environment variable: declare it with envVar()");
  return meta;
}

/** What the variable is when unset, as it would be written; undefined when that depends on other settings. */
export function defaultOf(schema: z.ZodType): string | undefined {
  const meta = metaOf(schema);
  if (meta.unset !== undefined) return meta.unset;
  const value = schema.safeParse(undefined).data;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number" || (typeof value === "string" && value !== "")) return String(value);
  return undefined; // nothing assumed: "", null, an empty list
}

/**
 * Reads every variable of `shape` from `env`, each problem added to `problems` (all of them,
 * so an operator fixes a deploy in one round). A variable that fails its check reads as unset
 * for the checks that depend on it; the start stops anyway.
 */
export function readVars<S extends VarShape>(shape: S, env: Env, problems: string[]): VarValues<S> {
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const result = schema.safeParse(env[metaOf(schema).env]);
    if (result.success) values[key] = result.data;
    else {
      problems.push(...new Set(result.error.issues.map((issue) => issue.message)));
      values[key] = schema.safeParse(undefined).data;
    }
  }
  return values as VarValues<S>;
}

/** The credentials of a provider whose schema is `shape`, in order: `present` are set. */
export function credentialsOf(shape: VarShape, env: Env) {
  const names = Object.values(shape)
    .map(metaOf)
    .filter((meta) => meta.credential)
    .map((meta) => meta.env);
  const present = names.filter((name) => blankIsUnset(env[name]) !== undefined);
  return { names, present, missing: names.filter((name) => !present.includes(name)) };
}

/** The values of the variables of `shape` marked secret, read from what `shape` parsed into. */
export function secretValues(shape: VarShape, parsed: Record<string, unknown> | null): string[] {
  if (!parsed) return [];
  return (
    Object.entries(shape)
      .filter(([, schema]) => metaOf(schema).secret)
      .map(([key]) => parsed[key])
      .filter((value): value is string => typeof value === "string")
      // Stryker disable next-line ConditionalExpression,StringLiteral: only the logger reads these, and it ignores values under 6 characters, "" among them
      .filter((value) => value !== "")
  );
}

// Schemas the providers share; each takes the exact message an operator reads.

/** A whole number, as `Number()` reads it. */
export const wholeNumber = (message: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .transform(Number)
    .pipe(z.number({ error: message }).int(message).min(min, message).max(max, message));

/** Plain decimal digits only: `0x1f90` or `1e3` are typos an operator should hear about. */
export const decimalNumber = (message: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, message)
    .pipe(wholeNumber(message, min, max));

/** `0` or `1`, read as false or true. */
export const flag = (message: string) => z.enum(["0", "1"], { error: message }).transform((value) => value === "1");

/** An http(s) URL, without its trailing slashes. */
export const httpUrl = (message: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^/\s]/, message) // a scheme, then a host's first character
    .transform(stripSlash);

export const stripSlash = (url: string) => url.replace(/\/+$/, "");

/** A comma-separated list. */
export const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
