// Sending the user to the authorization page. The URL is always printed (it
// holds no secret: a PKCE challenge, a state, the client id), so a sign-in
// still works where no browser opens. $BROWSER, when set, names the program
// to use, as for other command-line tools; it is run without a shell.
import { spawn } from "node:child_process";
import type { Env } from "./paths.js";

export type OpenUrl = (url: URL) => void | Promise<void>;

function openerFor(env: Env, platform: NodeJS.Platform): string[] {
  const chosen = env.BROWSER?.trim();
  if (chosen) return [chosen];
  if (platform === "darwin") return ["open"];
  if (platform === "win32") return ["explorer"];
  return ["xdg-open"];
}

export function browserOpener(options: { log: (line: string) => void; env: Env; launch: boolean; platform?: NodeJS.Platform }): OpenUrl {
  return (url: URL): void => {
    options.log(`Open this page to sign in: ${url.href}`);
    if (!options.launch) return;
    const [program, ...args] = openerFor(options.env, options.platform ?? process.platform);
    const child = spawn(program!, [...args, url.href], { stdio: "ignore", detached: true, shell: false });
    child.on("error", () => undefined);
    child.unref();
  };
}
