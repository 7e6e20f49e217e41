// The few API calls the bench scripts make (notifications.mjs, cluster.mjs), over fetch and ws.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const image = new Blob([readFileSync(join(root, "postman/sample.png"))], { type: "image/png" });

/** One call to /api/v1/{path}: its status and body (parsed when JSON), whatever the status. */
export async function call(base, method, path, token, body) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined && !(body instanceof FormData)) headers["Content-Type"] = "application/json";
  const response = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers,
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, body: json && text ? JSON.parse(text) : text };
}

/** A call that must succeed: its body, or an error naming the status. */
export async function must(base, method, path, token, body) {
  const { status, body: answer } = await call(base, method, path, token, body);
  if (status >= 400) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(answer)}`);
  return answer;
}

let counter = 0;
/** A new account named from the prefix: { name, token }. */
export async function register(base, prefix) {
  const name = `${prefix}${(counter++).toString(36)}_${process.pid.toString(36)}`;
  const auth = await must(base, "POST", "auth/register", null, {
    username: name,
    email: `${name}@example.com`,
    password: "bench-password",
    confirmPassword: "bench-password",
  });
  return { name, token: auth.accessToken };
}

/** Uploads postman/sample.png as a new artwork of the account's. */
export function upload(base, artist, title) {
  const form = new FormData();
  form.append("image", image, "bench.png");
  form.append("title", title);
  form.append("category", "bench");
  return must(base, "POST", "artworks", artist.token, form);
}

/** The notification WebSocket, open. */
export function openSocket(base, token) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace("http", "ws")}/api/v1/notifications/ws?access_token=${token}`);
    socket.on("open", () => resolve(socket));
    socket.on("error", reject);
  });
}
