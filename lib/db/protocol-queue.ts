import type { PGlite } from "@electric-sql/pglite";

const SYNC = 0x53; // 'S': ends an extended-protocol exchange (Parse, Bind, Execute…)
const QUERY = 0x51; // 'Q': a simple query is a whole exchange in one message
const TERMINATE = 0x58; // 'X'
const PROTOCOL_3 = 196608;

function endsExchange(message: Uint8Array) {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const startup = message.byteLength >= 8 && view.getInt32(4) === PROTOCOL_3;
  return startup || message[0] === SYNC || message[0] === QUERY || message[0] === TERMINATE;
}

/**
 * PGlite has one session, shared by every socket connection. pglite-socket queues *messages*, so
 * two connections' Parse/Bind/Execute can interleave and one overwrites the other's unnamed
 * statement. This queue gives one connection the session from its first message to the end of
 * its exchange (Sync or a simple query) — and for a whole transaction — before the next may speak.
 */
export class ProtocolQueue {
  private owner: number | null = null;
  private readonly waiting: Array<{ handlerId: number; wake: () => void }> = [];

  constructor(private readonly db: PGlite) {}

  async enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    await this.acquire(handlerId);
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            onData(data);
          },
        }),
      );
    } finally {
      if (endsExchange(message) && !this.db.isInTransaction()) this.release(handlerId);
    }
    return bytes;
  }

  getQueueLength() {
    return this.waiting.length;
  }

  clearQueueForHandler(handlerId: number) {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i].handlerId === handlerId) this.waiting.splice(i, 1);
  }

  /** A connection that went away mid-transaction must not keep the session, nor its transaction. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.release(handlerId);
  }

  private acquire(handlerId: number): Promise<void> {
    if (this.owner === null || this.owner === handlerId) {
      this.owner = handlerId;
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ handlerId, wake }));
  }

  private release(handlerId: number) {
    if (this.owner !== handlerId) return;
    const next = this.waiting.shift();
    this.owner = next?.handlerId ?? null;
    next?.wake();
  }
}
