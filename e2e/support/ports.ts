import { execFileSync } from "node:child_process";

/**
 * Free ports for this run, chosen once in the main Playwright process and handed to the workers
 * through the environment (the config file is evaluated again in every worker).
 */
export function e2ePorts(): { portal: number; backoffice: number } {
  if (!process.env.E2E_PORTAL_PORT || !process.env.E2E_BACKOFFICE_PORT) {
    const { portal, backoffice } = freePorts();
    process.env.E2E_PORTAL_PORT = String(portal);
    process.env.E2E_BACKOFFICE_PORT = String(backoffice);
  }
  return { portal: Number(process.env.E2E_PORTAL_PORT), backoffice: Number(process.env.E2E_BACKOFFICE_PORT) };
}

/** Two ports the kernel says are free now (synchronous, for config files). */
export function freePorts(): { portal: number; backoffice: number } {
  const script =
    "const net=require('net');const get=()=>new Promise(r=>{const s=net.createServer();s.listen(0,'127.0.0.1',()=>{const p=s.address().port;s.close(()=>r(p))})});" +
    "Promise.all([get(),get()]).then(p=>process.stdout.write(p.join(' ')))";
  const [portal, backoffice] = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).split(" ").map(Number);
  return { portal: portal!, backoffice: backoffice! };
}
