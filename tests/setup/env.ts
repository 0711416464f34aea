import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENCRYPTION_KEYS = inject("encryptionKeys");
