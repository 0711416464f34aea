/** Graph's DateTimeOffset as Outlook resources carry it: UTC, whole seconds ("2024-05-01T09:30:00Z"). */
export const graphDateTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
