#!/usr/bin/env python3
"""Seeds artworks with real words straight into ArtFolio's database, and times reads over HTTP.

  search.py seed sqlite PATH FROM TO        artworks FROM..TO-1 (and their tags and likes) into a SQLite file
  search.py seed postgres CONNINFO FROM TO  the same into PostgreSQL (psql's \\copy)
  search.py users API COUNT                 registers COUNT artists through the API (bench000, ...)
  search.py measure API LABEL [CALLS]       times each read CALLS times (default 100); prints one JSON line

Rows are a function of their index, so seeding 0..10,000 and then 10,000..N gives the same first rows
as seeding 0..N. Words are chosen so that the reads in README's table have known selectivity:
"saffron" is in 0.1% of titles, "harbor" and "lantern" each in 1% (so both in about 0.01%), eight
categories of 12.5% each, 1.5 tags an artwork on average, 0.75 likes an artwork spread over 30 days.
"""
import csv
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

WORDS = """amber arch ash autumn azure bay beacon birch bloom bluff bracken breeze bridge brook canyon cedar
chalk cliff cloud coast copper coral cove crimson dawn delta dune dusk ember estuary fern field fjord
flint fog forest frost garden glade glen granite grove gull hollow horizon indigo inlet iris island ivy
jade lagoon lake larch laurel meadow mist moor moss mountain night oak ochre olive orchard pebble pier
pine plain pond poppy quarry quay rain reed ridge river rose rust sage sand sea shadow shale shore sky
slate snow spring spruce star stone storm stream summit sun tide timber tundra valley velvet village
violet wave willow wind winter wood""".split()
STYLES = """study sketch portrait landscape still life nocturne etching print drawing painting collage
triptych panorama view figure abstract composition series fragment impression""".split()
DESCRIPTION_WORDS = WORDS + STYLES + """oil linen canvas paper ink charcoal pastel gouache acrylic
watercolour light colour line texture layer glaze wash brush knife palette morning evening afternoon
painted drawn printed studied framed signed dated small large square""".split()
CATEGORIES = ["Painting", "Photo", "Drawing", "Print", "Sculpture", "Digital", "Collage", "Textile"]
TAGS = sorted(set(WORDS[:60] + ["oil", "ink", "watercolour", "charcoal", "pastel", "acrylic", "gouache"]))
START = datetime(2025, 12, 1, tzinfo=timezone.utc)
NOW = datetime.now(timezone.utc)


def artwork(i, artists):
    r = random.Random(i)
    words = [r.choice(WORDS) for _ in range(r.randint(2, 4))]
    if i % 1000 == 7:
        words.insert(r.randrange(len(words) + 1), "saffron")
    if r.random() < 0.01:
        words.append("harbor")
    if r.random() < 0.01:
        words.insert(0, "lantern")
    title = " ".join(words + [r.choice(STYLES)]).capitalize()[:120]
    description = " ".join(r.choice(DESCRIPTION_WORDS) for _ in range(r.randint(8, 20))).capitalize() + "."
    if i % 1000 == 500:
        description += " Saffron light."
    tags = sorted({r.choice(TAGS) for _ in range(r.choice([1, 1, 2, 2]))})
    price = None if r.random() < 0.3 else r.randint(100, 500_000)
    category = CATEGORIES[i % len(CATEGORIES)]
    created = START + timedelta(seconds=i * 20)  # 1,000,000 rows span about 7 months
    likes = r.choices([0, 1, 2, 3], weights=[50, 30, 15, 5])[0]
    likers = r.sample(range(len(artists)), likes)
    liked_at = [NOW - timedelta(seconds=r.randint(0, 30 * 86400)) for _ in likers]
    return {
        "id": f"01900000-0000-7000-8000-{i:012x}",
        "artist": artists[i % len(artists)],
        "title": title,
        "description": description,
        "price": price,
        "category": category,
        "tags": tags,
        "created": created,
        "likes": list(zip((artists[k] for k in likers), liked_at)),
    }


ARTWORK_COLUMNS = ["Id", "ArtistId", "Title", "Description", "PriceCents", "Category", "CategoryKey", "MediaKind",
                   "ContentType", "Bytes", "Width", "Height", "MediaKey", "ThumbnailKey", "ImageUrl", "ThumbnailUrl",
                   "LikeCount", "CommentCount", "CreatedAt", "UpdatedAt", "TagText", "PriceAscKey", "PriceDescKey"]


def artwork_row(a, columns, upper):
    """The row's values for the columns the schema has: SQLite keeps ids upper-case text and times as text."""
    def time_of(t):
        return sqlite_time(t) if upper else t.isoformat()
    values = {
        "Id": a["id"].upper() if upper else a["id"], "ArtistId": a["artist"], "Title": a["title"],
        "Description": a["description"], "PriceCents": a["price"], "Category": a["category"],
        "CategoryKey": a["category"].lower(), "MediaKind": "Image", "ContentType": "image/jpeg", "Bytes": 100000,
        "Width": 1600, "Height": 1200, "MediaKey": f"artworks/{a['id']}.jpg",
        "ThumbnailKey": f"artworks/{a['id']}.thumb.webp", "ImageUrl": f"/media/artworks/{a['id']}.jpg",
        "ThumbnailUrl": f"/media/artworks/{a['id']}.thumb.webp", "LikeCount": len(a["likes"]), "CommentCount": 0,
        "CreatedAt": time_of(a["created"]), "UpdatedAt": time_of(a["created"]), "TagText": " ".join(a["tags"]),
        "PriceAscKey": a["price"] if a["price"] is not None else 2**63 - 1,
        "PriceDescKey": a["price"] if a["price"] is not None else -1,
    }
    return [values[c] for c in columns]


def artist_ids_sqlite(db):
    return [row[0] for row in db.execute("SELECT \"Id\" FROM users WHERE \"Username\" LIKE 'bench%' ORDER BY \"Username\"")]


def sqlite_time(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


def seed_sqlite(path, start, end):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    artists = artist_ids_sqlite(db)
    present = {row[1] for row in db.execute("PRAGMA table_info(artworks)")}
    columns = [c for c in ARTWORK_COLUMNS if c in present]  # an older schema lacks the newer keys
    batch = 20_000
    for low in range(start, end, batch):
        rows = [artwork(i, artists) for i in range(low, min(end, low + batch))]
        with db:
            db.executemany(
                f'INSERT INTO artworks ({",".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) '
                f'VALUES ({",".join("?" * len(columns))})',
                [artwork_row(a, columns, upper=True) for a in rows],
            )
            db.executemany(
                'INSERT INTO artwork_tags ("ArtworkId","Name") VALUES (?,?)',
                [(a["id"].upper(), t) for a in rows for t in a["tags"]],
            )
            db.executemany(
                'INSERT INTO likes ("ArtworkId","UserId","CreatedAt") VALUES (?,?,?)',
                [(a["id"].upper(), user, sqlite_time(at)) for a in rows for user, at in a["likes"]],
            )
        print(f"  sqlite: {min(end, low + batch):,} artworks", file=sys.stderr, flush=True)
    if "ArtworkCount" in {row[1] for row in db.execute("PRAGMA table_info(users)")}:
        with db:
            db.execute(
                'UPDATE users SET "ArtworkCount" = (SELECT count(*) FROM artworks a WHERE a."ArtistId" = users."Id")'
            )
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'recent_likes_windows'").fetchone():
        with db:  # likes were added behind the counters' back: the next ranking builds them afresh
            db.execute("DELETE FROM recent_likes_windows")
    db.execute("ANALYZE")
    db.close()


def psql(conninfo, *args, stdin=None):
    return subprocess.run(["psql", conninfo, "-v", "ON_ERROR_STOP=1", "-qAt", *args], check=True,
                          capture_output=True, text=True, input=stdin).stdout


def seed_postgres(conninfo, start, end):
    artists = psql(conninfo, "-c", "SELECT \"Id\" FROM users WHERE \"Username\" LIKE 'bench%' ORDER BY \"Username\"").split()
    present = set(psql(conninfo, "-c", "SELECT column_name FROM information_schema.columns WHERE table_name = 'artworks'").split())
    columns = [c for c in ARTWORK_COLUMNS if c in present]
    batch = 50_000
    with tempfile.TemporaryDirectory() as folder:
        for low in range(start, end, batch):
            rows = [artwork(i, artists) for i in range(low, min(end, low + batch))]
            paths = {name: os.path.join(folder, f"{name}.csv") for name in ("artworks", "tags", "likes")}
            with open(paths["artworks"], "w", newline="") as f:
                csv.writer(f).writerows(["" if v is None else v for v in artwork_row(a, columns, upper=False)] for a in rows)
            with open(paths["tags"], "w", newline="") as f:
                csv.writer(f).writerows([a["id"], t] for a in rows for t in a["tags"])
            with open(paths["likes"], "w", newline="") as f:
                csv.writer(f).writerows([a["id"], user, at.isoformat()] for a in rows for user, at in a["likes"])
            psql(
                conninfo,
                "-c", f"""\\copy artworks ({",".join(f'"{c}"' for c in columns)}) FROM '{paths["artworks"]}' WITH (FORMAT csv)""",
                "-c", f"""\\copy artwork_tags ("ArtworkId","Name") FROM '{paths["tags"]}' WITH (FORMAT csv)""",
                "-c", f"""\\copy likes ("ArtworkId","UserId","CreatedAt") FROM '{paths["likes"]}' WITH (FORMAT csv)""",
            )
            print(f"  postgres: {min(end, low + batch):,} artworks", file=sys.stderr, flush=True)
    if "ArtworkCount" in psql(conninfo, "-c", "SELECT column_name FROM information_schema.columns WHERE table_name = 'users'"):
        psql(conninfo, "-c", 'UPDATE users SET "ArtworkCount" = (SELECT count(*) FROM artworks a WHERE a."ArtistId" = users."Id")')
    if psql(conninfo, "-c", "SELECT to_regclass('recent_likes_windows')").strip():
        psql(conninfo, "-c", "DELETE FROM recent_likes_windows")  # the next ranking builds the counters afresh
    psql(conninfo, "-c", "VACUUM ANALYZE")


def call(url, data=None):
    request = urllib.request.Request(url, data=None if data is None else json.dumps(data).encode(),
                                     headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read()


def register_users(api, count):
    for j in range(count):
        try:
            call(f"{api}/api/v1/auth/register", {
                "username": f"bench{j:03d}", "email": f"bench{j:03d}@example.com", "password": "bench password 1",
                "confirmPassword": "bench password 1", "displayName": f"{WORDS[j % len(WORDS)].capitalize()} Artist {j}",
            })
        except urllib.error.HTTPError as error:
            if error.code != 409:
                raise


READS = [
    ("explore newest, page 1", "/api/v1/artworks?limit=20"),
    ("explore newest, page 50", "/api/v1/artworks?limit=20", 49),
    ("q= one word in 0.1% of titles", "/api/v1/artworks?q=saffron"),
    ("q= two words rarely together", "/api/v1/artworks?q=harbor%20lantern"),
    ("q= a word in 1%, relevance page 2", "/api/v1/artworks?q=harbor&limit=20", 1),
    ("q= typing a prefix", "/api/v1/artworks?q=harbor%20lan"),
    ("category + sort=price_asc", "/api/v1/artworks?category=painting&sort=price_asc"),
    ("category + sort=price_desc, page 10", "/api/v1/artworks?category=painting&sort=price_desc", 9),
    ("category + sort=popular", "/api/v1/artworks?category=painting&sort=popular"),
    ("popular, week (ranking not cached)", "/api/v1/artworks/popular?period=week"),
    ("users?q= (prefix)", "/api/v1/users?q=bench0"),
    ("tag", "/api/v1/artworks?tag=oil"),
    ("artist", "/api/v1/artworks?artist=bench050"),
    ("profile", "/api/v1/users/bench050"),
]


def measure(api, label, calls):
    results = {}
    for read in READS:
        name, path = read[0], read[1]
        url = api + path
        for _ in range(read[2] if len(read) > 2 else 0):  # walk to the page first (or the last, if fewer)
            page = json.loads(call(url)[1])
            if page["nextCursor"] is None:
                break
            url = f"{api}{path}&cursor={page['nextCursor']}"
        try:
            began = time.perf_counter()
            call(url)  # warm
            first = (time.perf_counter() - began) * 1000
        except urllib.error.HTTPError as error:
            sys.exit(f"{name}: GET {url} answered {error.code}: {error.read()[:300]!r}")
        if "/popular" in path:  # the first ranking after seeding builds the counters from every like, once
            results["popular: first call (counters built)"] = {"median": first, "p95": first}
        times = []
        for _ in range(calls):
            began = time.perf_counter()
            status, _ = call(url)
            times.append((time.perf_counter() - began) * 1000)
            assert status == 200, (name, status)
        times.sort()
        results[name] = {"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1]}
    print(json.dumps({"label": label, "reads": results}))


if __name__ == "__main__":
    verb = sys.argv[1]
    if verb == "seed" and sys.argv[2] == "sqlite":
        seed_sqlite(sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif verb == "seed" and sys.argv[2] == "postgres":
        seed_postgres(sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif verb == "users":
        register_users(sys.argv[2], int(sys.argv[3]))
    elif verb == "measure":
        measure(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 100)
    else:
        sys.exit(__doc__)
