export { seedDemoData, isDatabaseEmpty } from "./seed-demo";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF } from "./demo-data";
