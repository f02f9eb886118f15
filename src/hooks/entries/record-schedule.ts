// Hook entry: record-schedule (see ../schedules.ts). Bundled to scripts/hooks/record-schedule.cjs.
import { main } from "../runner.js";
import { decideSchedule } from "../schedules.js";

main("record-schedule", decideSchedule);
