// Hook entry: record-scenario (see ../scenario-duration.ts). Bundled to scripts/hooks/record-scenario.cjs.
import { main } from "../runner.js";
import { decideScenario } from "../scenario-duration.js";

main("record-scenario", decideScenario);
