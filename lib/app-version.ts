import packageJson from "../package.json" with { type: "json" };

/** The running release, named in support bundles and test mails. */
export const APP_VERSION: string = packageJson.version;
