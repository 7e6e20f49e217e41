// A front end's first session with ArtFolio, written against the types generated from the API's
// OpenAPI document (src/api.d.ts): if the contract changes in a way that breaks clients, `tsc`
// fails here before any browser runs. The page (index.html) runs it from another origin, so every
// call is a real cross-origin request with its CORS preflight.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api";

type Artwork = components["schemas"]["ArtworkResponse"];
type Session = components["schemas"]["AuthResponse"];
type Notification = components["schemas"]["NotificationItem"];

export interface Step {
  name: string;
  ok: boolean;
  detail: string;
}

/** A user's client: the bearer token is read at each request, so a refresh takes effect at once. */
function clientFor(api: string, session?: { current: Session }): Client<paths> {
  const client = createClient<paths>({ baseUrl: api });
  if (session)
    client.use({
      onRequest({ request }) {
        request.headers.set("Authorization", `Bearer ${session.current.accessToken}`);
        return request;
      },
    });
  return client;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A small PNG drawn on a canvas: what a person picking a file would upload. */
async function drawnImage(): Promise<Blob> {
  const canvas = new OffscreenCanvas(64, 48);
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#1d4e89";
  context.fillRect(0, 0, 64, 48);
  context.fillStyle = "#f4c542";
  context.fillRect(20, 12, 24, 24);
  return canvas.convertToBlob({ type: "image/png" });
}

export async function runStory(api: string): Promise<Step[]> {
  const steps: Step[] = [];
  const step = async (name: string, action: () => Promise<string>) => {
    try {
      steps.push({ name, ok: true, detail: await action() });
    } catch (error) {
      steps.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const anonymous = clientFor(api);
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const password = "correct horse battery staple";
  let artist: { current: Session } | undefined;
  let fan: { current: Session } | undefined;
  let artwork: Artwork | undefined;

  await step("register two accounts", async () => {
    for (const who of ["artist", "fan"] as const) {
      const { data, response } = await anonymous.POST("/api/v1/auth/register", {
        body: {
          username: `web_${who}_${suffix}`,
          email: `web_${who}_${suffix}@example.com`,
          password,
          confirmPassword: password,
          displayName: who === "artist" ? "Web Artist" : "Web Fan",
        },
      });
      check(response.status === 201 && data, `register ${who}: ${response.status}`);
      if (who === "artist") artist = { current: data };
      else fan = { current: data };
    }
    return `${artist!.current.user.username} and ${fan!.current.user.username}`;
  });

  await step("log in", async () => {
    const { data, response } = await anonymous.POST("/api/v1/auth/login", {
      body: { username: artist!.current.user.username, password },
    });
    check(response.status === 200 && data, `login: ${response.status}`);
    artist = { current: data };
    return `access token until ${data.accessTokenExpiresAt}`;
  });

  const asArtist = () => clientFor(api, artist);

  await step("upload an image with FormData", async () => {
    const image = await drawnImage();
    const { data, response } = await asArtist().POST("/api/v1/artworks", {
      body: { image, title: "Harbor from the browser", category: "Digital", tags: ["browser", "harbor"] },
      bodySerializer(form) {
        const data = new FormData();
        data.append("image", form.image, "harbor.png");
        data.append("title", form.title);
        data.append("category", form.category);
        for (const tag of form.tags ?? []) data.append("tags", tag);
        return data;
      },
    });
    check(response.status === 201 && data, `upload: ${response.status}`);
    check(response.headers.get("Location"), "the Location header is not readable (not exposed?)");
    artwork = data;
    return `${data.id} ${data.width}x${data.height} ${data.contentType}`;
  });

  await step("see it in the explore list, anonymously", async () => {
    const { data, response } = await anonymous.GET("/api/v1/artworks", {
      params: { query: { artist: artist!.current.user.username, sort: "newest", limit: 10 } },
    });
    check(response.status === 200 && data, `explore: ${response.status}`);
    check(data.items.some((item) => item.id === artwork!.id), "the upload is not in the list");
    check(data.items.every((item) => item.likedByMe === undefined), "likedByMe sent without a token");
    return `${data.items.length} item(s)`;
  });

  await step("read it again with If-None-Match: 304", async () => {
    const first = await anonymous.GET("/api/v1/artworks/{id}", { params: { path: { id: artwork!.id } } });
    const etag = first.response.headers.get("ETag");
    check(first.response.status === 200 && etag, `first read: ${first.response.status}, ETag ${etag}`);
    const again = await anonymous.GET("/api/v1/artworks/{id}", {
      params: { path: { id: artwork!.id }, header: { "If-None-Match": etag } },
    });
    check(again.response.status === 304, `conditional read: ${again.response.status}`);
    return `ETag ${etag}`;
  });

  await step("receive a live notification over the WebSocket", async () => {
    const url = `${api.replace(/^http/, "ws")}/api/v1/notifications/ws?access_token=${encodeURIComponent(artist!.current.accessToken)}`;
    const socket = new WebSocket(url);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error("the socket did not open"));
      });
      const message = new Promise<Notification>((resolve, reject) => {
        socket.onmessage = (event) => resolve(JSON.parse(event.data as string) as Notification);
        setTimeout(() => reject(new Error("no notification within 10 s")), 10_000);
      });
      const like = await clientFor(api, fan).POST("/api/v1/artworks/{id}/like", {
        params: { path: { id: artwork!.id } },
      });
      check(like.response.status === 200 && like.data?.liked, `like: ${like.response.status}`);
      const notification = await message;
      check(notification.type === "like", `got a ${notification.type}`);
      check(notification.actor.username === fan!.current.user.username, "from someone else");
      return notification.message;
    } finally {
      socket.close();
    }
  });

  await step("refresh the session and use the new token", async () => {
    const { data, response } = await anonymous.POST("/api/v1/auth/refresh", {
      body: { refreshToken: artist!.current.refreshToken },
    });
    check(response.status === 200 && data, `refresh: ${response.status}`);
    artist = { current: data };
    const me = await asArtist().GET("/api/v1/users/me");
    check(me.response.status === 200 && me.data?.username === data.user.username, `me: ${me.response.status}`);
    return `rotated: ${data.refreshTokenRotated}`;
  });

  await step("log out; the refresh token stops working", async () => {
    const refreshToken = artist!.current.refreshToken;
    const { response } = await asArtist().POST("/api/v1/auth/logout", { body: { refreshToken } });
    check(response.status === 204, `logout: ${response.status}`);
    const after = await anonymous.POST("/api/v1/auth/refresh", { body: { refreshToken } });
    check(after.response.status === 401, `refresh after logout: ${after.response.status}`);
    check(after.error?.traceId, "the problem has no traceId");
    return after.error.detail ?? "401";
  });

  return steps;
}
