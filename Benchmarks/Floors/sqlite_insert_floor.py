#!/usr/bin/env python3
"""The storage floor under the journal's batched-vitals benchmark (issue 5).

Inserts rows shaped like the journal's vitals rows (the same table, indexes and
pragmas as Sources/Journal/Store/JournalSchema.swift, after its v2 step, and
JournalStore.swift: 16 KiB pages for a new
journal, WAL, synchronous = NORMAL, wal_autocheckpoint = 2500 pages) through Python's sqlite3 module,
which uses the same system libsqlite3 as GRDB, with executemany: no encoding, no
hashing, no reduction, only SQLite. 1,000 rows per transaction into one growing file,
200 iterations, as the Swift benchmark does. Prints rows/s percentiles.

Usage: python3 Benchmarks/Floors/sqlite_insert_floor.py [--iterations N] [--dir DIR] [--page-size N]
"""
import argparse, os, sqlite3, tempfile, time

SCHEMA = """
CREATE TABLE event (
    sequence INTEGER PRIMARY KEY, received_at REAL NOT NULL, device_time REAL, chair TEXT,
    session TEXT, kind TEXT NOT NULL, payload TEXT NOT NULL, previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
CREATE INDEX event_chair_records ON event(chair, sequence) WHERE kind <> 'vitalsObserved';
CREATE INDEX event_session ON event(session, sequence);
"""
# --both-indexes: the chair index as v1 made it (with vitals), for comparison.
SCHEMA_V1 = SCHEMA.replace("event_chair_records ON event(chair, sequence) WHERE kind <> 'vitalsObserved'",
                           "event_chair ON event(chair, sequence)")
PAYLOAD = ('{"vitalsObserved":{"_0":{"chair":"CHAIR-%d","device":"MON%d","samples":['
           '{"kind":"HR","measuredAt":%.3f,"value":%d},{"kind":"SpO2","measuredAt":%.3f,"value":%d},'
           '{"kind":"RR","measuredAt":%.3f,"value":%d}]}}}')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--page-size", type=int, default=16384, help="4096 for a journal made before 16 KiB pages")
    parser.add_argument("--both-indexes", action="store_true", help="the v1 chair index, vitals included")
    args = parser.parse_args()
    path = os.path.join(args.dir, "sqlite-floor-%d.sqlite" % os.getpid())
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA page_size = %d" % args.page_size)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA wal_autocheckpoint = %d" % (40960000 // args.page_size))
        db.executescript(SCHEMA_V1 if args.both_indexes else SCHEMA)
        sequence, times = 0, []
        for _ in range(args.iterations):
            rows = []
            for _ in range(1000):
                sequence += 1
                chair, t = sequence % 8, 763_000_000 + sequence * 0.125
                payload = PAYLOAD % (chair, chair, t, 60 + sequence % 40, t, 95 + sequence % 5, t, 12 + sequence % 6)
                digest = os.urandom(32)
                rows.append((sequence, t, t, "CHAIR-%d" % chair, "S-%d" % chair, "vitalsObserved", payload, digest, digest))
            start = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
            times.append(time.perf_counter() - start)
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(path + suffix)
            except FileNotFoundError:
                pass
    times.sort(reverse=True)  # slowest first: percentiles of rows/s as package-benchmark prints them
    rates = sorted(1000 / t for t in times)
    def at(q):
        return rates[min(len(rates) - 1, int(round((1 - q) * (len(rates) - 1))))]
    print("SQLite %s, %d iterations of 1,000 rows, %s, %d-byte pages" % (
        sqlite3.sqlite_version, len(rates), "v1 chair index" if args.both_indexes else "current schema", args.page_size))
    print("rows/s   p0 %7.0f   p25 %7.0f   p50 %7.0f   p75 %7.0f   p90 %7.0f   p99 %7.0f" % tuple(
        at(q) for q in (0.0, 0.25, 0.5, 0.75, 0.9, 0.99)))


if __name__ == "__main__":
    main()
