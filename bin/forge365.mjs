#!/usr/bin/env node
// The package's command. The CLI is TypeScript run through tsx, with the repository's tsconfig so its "@/"
// imports resolve from whatever directory the command is started in.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = new URL("../", import.meta.url);
register({ tsconfig: fileURLToPath(new URL("tsconfig.json", root)) });
await import(new URL("scripts/cli.ts", root).href);
