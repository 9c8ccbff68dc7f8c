export * from "./common";
export * from "./accounts";
export * from "./auth";
export * from "./invoices";
export * from "./cases";
export * from "./email";
