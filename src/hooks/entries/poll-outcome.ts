// Hook entry: poll-outcome (see ../outcome.ts). Bundled to scripts/hooks/poll-outcome.cjs.
import { main } from "../runner.js";
import { decideOutcome } from "../outcome.js";

main("poll-outcome", decideOutcome);
