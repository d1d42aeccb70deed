export * from "./common.ts";
export * from "./thron.ts";
