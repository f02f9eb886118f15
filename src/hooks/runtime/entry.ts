// The one hook bundle's entry: scripts/hooks/octoperf-hook.cjs <hook-name>.
// Every hook of hooks.json runs this file with its name (registry.ts).
import { main } from "./runner.js";

main();
