/**
 * The date and time formats a workspace can choose; each is a BCP 47 locale Intl already knows.
 * Kept apart from their schema so that the settings form can list them without shipping zod.
 */
export const LOCALES = [
  { value: "en-US", label: "English (US): MM/DD/YYYY, 12-hour clock" },
  { value: "en-GB", label: "English (UK): DD/MM/YYYY, 24-hour clock" },
  { value: "de-DE", label: "Deutsch: DD.MM.YYYY, 24-hour clock" },
  { value: "fr-FR", label: "Français: DD/MM/YYYY, 24-hour clock" },
] as const;

export type LocaleValue = (typeof LOCALES)[number]["value"];
