// Hook entry: pace-guard (see ../pace.ts). Bundled to scripts/hooks/pace-guard.cjs.
import { main } from "../runner.js";
import { decidePace } from "../pace.js";

main("pace-guard", decidePace);
