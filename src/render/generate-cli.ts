// npm run generate [-- --check]
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPolicy } from "../policy/schema.js";
import { generate } from "./generate.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const check = process.argv.includes("--check");
try {
  await checkPolicy();
  const report = generate(root, { check });
  if (check && report.stale.length > 0) {
    console.error(`stale generated regions (run npm run generate):\n${report.stale.map((s) => `  ${s}`).join("\n")}`);
    process.exit(1);
  }
  for (const file of report.written) console.log(`generated ${file}`);
  console.log(`${report.regions} generated regions in ${report.files} files are ${check ? "fresh" : "up to date"}`);
} catch (error) {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
