import { chromiumOrExit } from "./chromium";

// First step of `npm test`: a machine without a browser hears so now, not after the type check and unit tests.
chromiumOrExit();
