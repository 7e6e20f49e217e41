// Steps 2 to 4 of the cluster test, against a cluster bench/cluster.sh has started:
//   2. a notification caused through one instance reaches a WebSocket held by another;
//   3. the auth rate limit is global: AUTH_LIMIT logins spread by nginx over the instances, then one more, is a 429;
//   4. SIGTERM of one instance during a write load through nginx (a rolling restart): no request fails, every
//      acknowledged write is stored, its notification socket is closed with 1001, and the process exits in time;
//   5. SIGKILL of another instance during a write load through nginx: every acknowledged write is stored, the others
//      kept serving, and only requests in flight on the killed instance failed.
// Environment: CLUSTER_URL (nginx), INSTANCE_URLS (comma-separated, direct), TERM_INDEX and TERM_PID (the instance
// step 4 stops), SHUTDOWN_BOUND (seconds it may take to exit), VICTIM_PID (step 5's instance),
// AUTH_LIMIT (RateLimiting:Auth:PermitLimit of the instances), ACCESS_LOG (nginx's, with the upstream address).
// Prints one PASS or FAIL line a step and exits non-zero if any failed.
import http from "node:http";
import { readFileSync } from "node:fs";
import { call, must, register, upload, openSocket } from "./api.mjs";

const cluster = process.env.CLUSTER_URL;
const instances = process.env.INSTANCE_URLS.split(",");
const victimPid = Number(process.env.VICTIM_PID);
const termIndex = Number(process.env.TERM_INDEX);
const termPid = Number(process.env.TERM_PID);
const shutdownBound = Number(process.env.SHUTDOWN_BOUND);
const authLimit = Number(process.env.AUTH_LIMIT);
const accessLog = process.env.ACCESS_LOG;
const results = [];

function report(step, ok, detail) {
  results.push(ok);
  console.log(`${ok ? "PASS" : "FAIL"} step ${step}: ${detail}`);
}

function nextPush(socket, type, seconds) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), seconds * 1000);
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString());
      if (message.type !== type) return;
      clearTimeout(timer);
      resolve(message);
    });
  });
}

async function crossInstancePush() {
  const [held, caused] = [instances[0], instances[1]];
  const artist = await register(caused, "artist");
  const fan = await register(caused, "fan");
  await must(caused, "POST", `users/${artist.name}/follow`, fan.token);
  const socket = await openSocket(held, fan.token);
  const push = nextPush(socket, "new_artwork", 10);
  const started = performance.now();
  const artwork = await upload(caused, artist, "Across instances");
  const message = await push;
  socket.close();
  report(
    2,
    message?.artworkId === artwork.id,
    message
      ? `uploaded through ${caused}, pushed to the socket held by ${held} after ${Math.round(performance.now() - started)} ms`
      : `nothing reached the socket held by ${held} within 10 s`,
  );
}

/** A login from another loopback address, so that the client nginx forwards is one no other step used. */
function loginFrom(localAddress) {
  const body = JSON.stringify({ username: "nobody_at_all", password: "not-the-password" });
  const url = new URL(`${cluster}/api/v1/auth/login`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", localAddress, agent: false, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode, retryAfter: response.headers["retry-after"] }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function globalRateLimit() {
  const client = "127.0.0.2";
  const statuses = [];
  for (let i = 0; i < authLimit; i++) statuses.push((await loginFrom(client)).status);
  const extra = await loginFrom(client);
  const upstreams = new Set(
    readFileSync(accessLog, "utf8")
      .split("\n")
      .filter((line) => line.startsWith(`${client} POST /api/v1/auth/login `))
      .map((line) => line.split(" ").at(-1)),
  );
  const allowed = statuses.filter((s) => s === 401).length;
  report(
    3,
    allowed === authLimit && extra.status === 429 && upstreams.size === instances.length,
    `${allowed} of ${authLimit} logins answered 401 across ${upstreams.size} instances (${[...upstreams].join(", ")}); ` +
      `login ${authLimit + 1} answered ${extra.status} with Retry-After ${extra.retryAfter}`,
  );
}

async function allComments(artworkId) {
  const ids = new Set();
  let cursor = "";
  do {
    const page = await must(cluster, "GET", `artworks/${artworkId}/comments?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    for (const comment of page.items) ids.add(comment.id);
    cursor = page.nextCursor ? encodeURIComponent(page.nextCursor) : "";
  } while (cursor);
  return ids;
}

/** Writes comments through nginx with `workers` clients for `seconds`; `during` runs once, `after` ms in. */
async function writeLoad(artworkId, token, { workers, seconds, after, during }) {
  const acknowledged = [];
  const failures = [];
  let firedAt = null;
  let afterFired = 0;
  const started = performance.now();
  const timer = setTimeout(() => {
    during();
    firedAt = performance.now();
  }, after);
  let n = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() - started < seconds * 1000) {
        try {
          const { status, body } = await call(cluster, "POST", `artworks/${artworkId}/comments`, token, { body: `comment ${n++}` });
          if (status === 201) {
            acknowledged.push(body.id);
            if (firedAt !== null) afterFired++;
          } else failures.push(`${status}`);
        } catch (e) {
          failures.push(e.cause?.code ?? e.message);
        }
      }
    }),
  );
  clearTimeout(timer);
  const stored = await allComments(artworkId);
  const lost = acknowledged.filter((id) => !stored.has(id));
  const unacknowledged = stored.size - acknowledged.filter((id) => stored.has(id)).length;
  return { acknowledged, failures, afterFired, lost, unacknowledged, fired: firedAt !== null };
}

function exited(pid) {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function terminateDuringWrites() {
  const artist = await register(cluster, "restarted");
  const artwork = await upload(cluster, artist, "Through a rolling restart");
  const socket = await openSocket(instances[termIndex], artist.token);
  const closed = new Promise((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString(), at: performance.now() })));
  let termAt = null;
  let exitedAt = null;
  const watch = setInterval(() => {
    if (termAt !== null && exitedAt === null && exited(termPid)) exitedAt = performance.now();
  }, 50);
  const load = await writeLoad(artwork.id, artist.token, {
    workers: 16,
    seconds: shutdownBound,
    after: 2500,
    during: () => {
      process.kill(termPid, "SIGTERM");
      termAt = performance.now();
    },
  });
  const close = await Promise.race([closed, new Promise((r) => setTimeout(() => r(null), 5000))]);
  while (exitedAt === null && performance.now() - termAt < shutdownBound * 1000) await new Promise((r) => setTimeout(r, 100));
  clearInterval(watch);
  const seconds = (at) => (at === null ? "never" : `${((at - termAt) / 1000).toFixed(1)} s`);
  const ok =
    load.fired && load.failures.length === 0 && load.lost.length === 0 && load.afterFired > 0 && close?.code === 1001 && exitedAt !== null;
  report(
    4,
    ok,
    `${load.acknowledged.length} writes acknowledged (${load.afterFired} after the SIGTERM), ${load.lost.length} missing afterwards, ` +
      `${load.failures.length} failed (${[...new Set(load.failures)].join(", ") || "none"}); the stopped instance's socket closed ` +
      `${close ? `with ${close.code} "${close.reason}" ${seconds(close.at)}` : "never"} after the SIGTERM and the process exited ` +
      `${seconds(exitedAt)} after it (bound ${shutdownBound} s)`,
  );
}

async function killDuringWrites() {
  const workers = 16;
  const killAfter = 2500;
  const artist = await register(cluster, "writer");
  const artwork = await upload(cluster, artist, "Under load");
  const load = await writeLoad(artwork.id, artist.token, {
    workers,
    seconds: 8,
    after: killAfter,
    during: () => process.kill(victimPid, "SIGKILL"),
  });
  const ok = load.fired && load.lost.length === 0 && load.failures.length <= workers && load.afterFired > 0;
  report(
    5,
    ok,
    `${load.acknowledged.length} writes acknowledged (${load.afterFired} after the SIGKILL at ${killAfter} ms), ` +
      `${load.lost.length} of them missing afterwards; ${load.failures.length} failed (${[...new Set(load.failures)].join(", ") || "none"}), ` +
      `at most ${workers} were in flight; ${load.unacknowledged} stored without an answer (in flight when killed)`,
  );
}

for (const [step, run] of [
  [2, crossInstancePush],
  [3, globalRateLimit],
  [4, terminateDuringWrites],
  [5, killDuringWrites],
]) {
  try {
    await run();
  } catch (e) {
    report(step, false, e.stack ?? String(e));
  }
}
process.exit(results.every(Boolean) ? 0 : 1);
