// Hook entry: plan-after-start (see ../start-plan.ts). Bundled to scripts/hooks/plan-after-start.cjs.
import { main } from "../runner.js";
import { decideStart } from "../start-plan.js";

main("plan-after-start", decideStart);
