export * from "./auth";
export * from "./org";
export * from "./pipeline";
export * from "./network";
export * from "./followup";
export * from "./coaching";
export * from "./email";
export * from "./metrics";
