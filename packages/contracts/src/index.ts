export * from "./common.ts";
export * from "./thron.ts";
export * from "./thunder.ts";
