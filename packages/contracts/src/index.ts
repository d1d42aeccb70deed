export * from "./common.ts";
export * from "./thron.ts";
export * from "./throughline.ts";
export * from "./thunder.ts";
