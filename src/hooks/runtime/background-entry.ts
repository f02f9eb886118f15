// The background bundle's entry (scripts/hooks/octoperf-hook-background.cjs):
// what the hook bundle loads only when a background hook runs, or when it
// must ask whether someone signed in. A background hook ends when its work
// does: signals abort its wait (/octoperf:stop-wait sends SIGTERM), and
// nothing it started may keep the process alive after its answer.
import { signInServerUrl } from "../../auth/hosted.js";
import { isLoggedIn as storedLogin } from "../../auth/login-state.js";
import { systemJobRunner } from "./system-jobs.js";
import { runBackgroundHook } from "./background-shell.js";
import { SILENT } from "../claude/decision.js";
import { abortWhenOrphaned, orphanSigns } from "./orphan-watch.js";
import { finishWith, timeScale, type BackgroundBundle, type HookIO } from "./core.js";

export const runBackgroundMain: BackgroundBundle["runBackgroundMain"] = (name: string, io: HookIO) => {
  const controller = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => controller.abort());
  abortWhenOrphaned(controller, orphanSigns(io.env));
  const jobs = systemJobRunner({ pluginRoot: io.pluginRoot, env: io.env, now: io.now, scale: timeScale(io.env) });
  runBackgroundHook(name, { ...io, jobs, signal: controller.signal })
    .then(finishWith)
    .catch(() => finishWith(SILENT))
    .finally(() => process.exit());
};

export const isLoggedIn: BackgroundBundle["isLoggedIn"] = (env) => storedLogin(signInServerUrl(env), env);
