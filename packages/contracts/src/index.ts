export * from "./common.ts";
export * from "./render.ts";
export * from "./thron.ts";
export * from "./throughline.ts";
export * from "./thunder.ts";
