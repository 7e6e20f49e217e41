// Time from an artwork's creation to its notification arriving on followers' WebSockets, for an
// artist with 1,000 followers against one with a single follower, measured in the same run.
// Usage: node bench/notifications.mjs            (starts the Release build on SQLite, one instance)
//        ARTFOLIO_BENCH_POSTGRES="Host=...;Username=...;Password=...;Database=postgres" node bench/notifications.mjs
//                                                (two instances on one new PostgreSQL database: the upload
//                                                 goes to one, the sockets are held by the other)
// Needs: dotnet, node, npm ci (for ws). Seeds through the API, so it takes a minute or two.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root, must, register, upload, openSocket } from "./api.mjs";

const followers = Number(process.env.FOLLOWERS ?? 1000);
const sockets = 20; // followers holding a socket, spread over the whole fan-out
const rounds = 5;
const postgres = process.env.ARTFOLIO_BENCH_POSTGRES;
const work = mkdtempSync(join(tmpdir(), "artfolio-bench-"));
const database = `artfolio_bench_${process.pid}`;
const apps = [];

function start(port, database) {
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: "Production",
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
    Jwt__SigningKey: "bench-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    Media__LocalPath: join(work, "media"),
    RateLimiting__Auth__PermitLimit: "100000",
    Logging__LogLevel__Default: "Warning",
    ...database,
  };
  const app = spawn("dotnet", [join(root, "ArtFolio/bin/Release/net10.0/ArtFolio.dll")], { cwd: work, env, stdio: "ignore" });
  apps.push(app);
  return `http://127.0.0.1:${port}`;
}

async function ready(base) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base} did not start`);
}

async function inBatches(count, size, make) {
  const all = [];
  for (let i = 0; i < count; i += size) all.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, make))));
  return all;
}

/** Uploads as the artist and times each socket's new_artwork push from just before the request. */
async function measure(uploadBase, artist, held) {
  const arrivals = held.map((socket) =>
    new Promise((resolve) => {
      const onMessage = (data) => {
        if (JSON.parse(data.toString()).type !== "new_artwork") return;
        socket.off("message", onMessage);
        resolve(performance.now());
      };
      socket.on("message", onMessage);
    }),
  );
  const started = performance.now();
  await upload(uploadBase, artist, "Benchmark piece");
  const answered = performance.now() - started;
  const times = (await Promise.all(arrivals)).map((t) => t - started).sort((a, b) => a - b);
  return { answered, first: times[0], last: times[times.length - 1] };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  execFileSync("dotnet", ["build", join(root, "ArtFolio"), "-c", "Release", "-v", "q", "-nologo"], { stdio: "ignore" });
  let uploadBase, socketBase;
  if (postgres) {
    execFileSync("psql", [postgresUri(postgres), "-qc", `CREATE DATABASE ${database}`]);
    const settings = { Database__Provider: "Postgres", Database__ConnectionString: postgres.replace(/Database=[^;]*/, `Database=${database}`) };
    uploadBase = start(5101, settings);
    await ready(uploadBase); // migrate once before the second instance starts
    socketBase = start(5102, settings);
  } else {
    uploadBase = socketBase = start(5101, { Database__ConnectionString: `Data Source=${join(work, "bench.db")}` });
  }
  await Promise.all([ready(uploadBase), ready(socketBase)]);

  const star = await register(uploadBase, "star");
  const solo = await register(uploadBase, "solo");
  const fans = await inBatches(followers, 8, () => register(uploadBase, "fan"));
  let next = 0;
  await inBatches(fans.length, 16, () => must(uploadBase, "POST", `users/${star.name}/follow`, fans[next++].token));
  const lone = await register(uploadBase, "lone");
  await must(uploadBase, "POST", `users/${solo.name}/follow`, lone.token);
  const watchers = Array.from({ length: sockets }, (_, i) => fans[Math.floor((i * fans.length) / sockets)]);
  const starSockets = await Promise.all(watchers.map((f) => openSocket(socketBase, f.token)));
  const soloSockets = [await openSocket(socketBase, lone.token)];

  const star1000 = [], solo1 = [];
  for (let round = 0; round < rounds; round++) {
    solo1.push(await measure(uploadBase, solo, soloSockets));
    star1000.push(await measure(uploadBase, star, starSockets));
  }
  const report = (label, runs) =>
    `${label}: upload answered in ${median(runs.map((r) => r.answered)).toFixed(0)} ms; push after ` +
    `${median(runs.map((r) => r.first)).toFixed(0)} ms (first socket), ${median(runs.map((r) => r.last)).toFixed(0)} ms (last of ${runs === solo1 ? 1 : sockets})`;
  console.log(`\n${postgres ? "PostgreSQL, two instances" : "SQLite, one instance"}; medians of ${rounds} rounds`);
  console.log(report(`1 follower    `, solo1));
  console.log(report(`${followers} followers`, star1000));
  const ratio = (key) => (median(star1000.map((r) => r[key])) / median(solo1.map((r) => r[key]))).toFixed(2);
  console.log(`ratios ${followers} : 1 follower: upload answered ${ratio("answered")}x, last push ${ratio("last")}x`);
  for (const s of [...starSockets, ...soloSockets]) s.close();
} finally {
  for (const app of apps) app.kill();
  rmSync(work, { recursive: true, force: true });
  if (postgres) execFileSync("psql", [postgresUri(postgres), "-qc", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]);
}

function postgresUri(connection) {
  const part = (key) => connection.match(new RegExp(`${key}=([^;]*)`, "i"))?.[1] ?? "";
  return `postgresql://${part("Username")}:${part("Password")}@${part("Host")}:${part("Port") || 5432}/${part("Database") || "postgres"}`;
}
