import type { MailMessage } from "../core/state";
import { graph, type GraphError } from "./errors";

/**
 * The OData query options of GET …/messages (https://learn.microsoft.com/graph/api/user-list-messages,
 * https://learn.microsoft.com/graph/query-parameters) that a client needs to find a message it sent, or the bounce
 * of one: $filter (eq/ne/gt/ge/lt/le on dates and addresses, eq/ne/startswith on strings, joined by "and"),
 * $orderby, $select, $top, $skip. Anything else is refused with BadRequest rather than silently ignored.
 */
export interface MessageQuery {
  matches: (m: MailMessage) => boolean;
  /** Undefined: the mailbox order, newest first. */
  compare?: (a: MailMessage, b: MailMessage) => number;
  select?: string[];
  top: number;
  skip: number;
}

const PROPERTIES: Record<string, (m: MailMessage) => string> = {
  receivedDateTime: (m) => m.receivedDateTime,
  sentDateTime: (m) => m.sentDateTime,
  createdDateTime: (m) => m.createdDateTime,
  subject: (m) => m.subject,
  internetMessageId: (m) => m.internetMessageId,
  conversationId: (m) => m.conversationId,
  "from/emailAddress/address": (m) => m.from.emailAddress.address,
  "sender/emailAddress/address": (m) => m.sender.emailAddress.address,
};
const DATES = new Set(["receivedDateTime", "sentDateTime", "createdDateTime"]);

/** Property names compare without regard to case, as Graph's do. */
const property = (name: string): string | undefined => Object.keys(PROPERTIES).find((p) => p.toLowerCase() === name.toLowerCase());

type Op = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "startswith";
interface Clause {
  property: string;
  op: Op;
  value: string;
}

const STRING = `'((?:[^']|'')*)'`;
const CLAUSE = new RegExp(`^(?:startswith\\(\\s*([\\w/]+)\\s*,\\s*${STRING}\\s*\\)|([\\w/]+)\\s+(eq|ne|gt|ge|lt|le)\\s+(?:${STRING}|([^\\s)']+)))`, "i");

function parseFilter(text: string): Clause[] | GraphError {
  const clauses: Clause[] = [];
  let rest = text.trim();
  while (rest) {
    const m = CLAUSE.exec(rest);
    const name = m && property(m[1] ?? m[3]);
    if (!m || !name) return graph.unsupportedQuery(`$filter=${text}`);
    const op = (m[1] ? "startswith" : m[4].toLowerCase()) as Op;
    const value = (m[2] ?? m[5] ?? m[6]).replace(/''/g, "'");
    // Dates compare by any operator against a date; strings only by equality or prefix.
    const valid = DATES.has(name) ? op !== "startswith" && !Number.isNaN(Date.parse(value)) : ["eq", "ne", "startswith"].includes(op);
    if (!valid) return graph.unsupportedQuery(`$filter=${text}`);
    clauses.push({ property: name, op, value });
    rest = rest.slice(m[0].length).trim();
    if (rest && !/^and\s+/i.test(rest)) return graph.unsupportedQuery(`$filter=${text}`);
    rest = rest.replace(/^and\s+/i, "");
  }
  return clauses;
}

function test(c: Clause, m: MailMessage): boolean {
  const actual = PROPERTIES[c.property](m);
  if (DATES.has(c.property)) {
    const d = Date.parse(actual) - Date.parse(c.value);
    return { eq: d === 0, ne: d !== 0, gt: d > 0, ge: d >= 0, lt: d < 0, le: d <= 0, startswith: false }[c.op];
  }
  const [a, v] = [actual.toLowerCase(), c.value.toLowerCase()];
  return c.op === "startswith" ? a.startsWith(v) : c.op === "eq" ? a === v : a !== v;
}

function parseOrderBy(text: string): { property: string; descending: boolean }[] | GraphError {
  const keys = [];
  for (const part of text.split(",")) {
    const [name = "", direction = "asc", extra] = part.trim().split(/\s+/);
    const known = property(name);
    if (!known || extra || !/^(asc|desc)$/i.test(direction)) return graph.unsupportedQuery(`$orderby=${text}`);
    keys.push({ property: known, descending: direction.toLowerCase() === "desc" });
  }
  return keys;
}

/** A message resource's selectable properties; the caller knows them. */
export function parseMessageQuery(query: URLSearchParams, selectable: readonly string[]): MessageQuery | GraphError {
  const supported = new Set(["$filter", "$orderby", "$select", "$top", "$skip"]);
  const unknown = [...query.keys()].find((k) => k.startsWith("$") && !supported.has(k));
  if (unknown) return graph.unsupportedQuery(unknown);

  const filterText = query.get("$filter");
  const clauses = filterText ? parseFilter(filterText) : [];
  if (!Array.isArray(clauses)) return clauses;
  const orderText = query.get("$orderby");
  const keys = orderText ? parseOrderBy(orderText) : [];
  if (!Array.isArray(keys)) return keys;
  // Ordered properties must lead the filter, in the same order, when both are given.
  const filtered = [...new Set(clauses.map((c) => c.property))];
  if (clauses.length && keys.some((k, i) => filtered[i] !== k.property)) return graph.inefficientFilter();

  const select = query.get("$select")?.split(",").map((s) => s.trim()).filter(Boolean);
  const unselectable = select?.find((s) => !selectable.includes(s));
  if (unselectable) return graph.unsupportedQuery(`$select of '${unselectable}'`);

  return {
    matches: (m) => clauses.every((c) => test(c, m)),
    compare: keys.length
      ? (a, b) => {
          for (const k of keys) {
            const [x, y] = [PROPERTIES[k.property](a), PROPERTIES[k.property](b)];
            if (x !== y) return (x < y ? -1 : 1) * (k.descending ? -1 : 1);
          }
          return 0;
        }
      : undefined,
    select,
    // Default page size 10, $top from 1 to 1000: https://learn.microsoft.com/graph/api/user-list-messages
    top: Math.min(Math.max(Number(query.get("$top") ?? 10) || 10, 1), 1000),
    skip: Math.max(Number(query.get("$skip") ?? 0) || 0, 0),
  };
}
