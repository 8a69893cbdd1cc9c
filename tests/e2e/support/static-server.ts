import { createReadStream, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

/** Content types by file extension, for every kind of file the build writes and a few more. */
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** The Atom feed is XML, but readers look for its own type to recognise it as a feed. */
const FEED_FILE = "feed.xml";

export interface StaticServer {
  /** The site's address, ending in the base path: http://127.0.0.1:PORT/reports/scorecard/ */
  url: string;
  /** The server's origin alone: http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

export function contentTypeFor(file: string): string {
  if (file.endsWith(`${sep}${FEED_FILE}`)) return "application/atom+xml; charset=utf-8";
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Serves a built site read-only on 127.0.0.1 at a random free port, below the given base path,
 * as a plain static web server would. A folder's address serves its index.html, and a folder
 * named without its trailing slash is redirected to it. Anything outside the base is not found.
 */
export async function serveSite(root: string, base = "/"): Promise<StaticServer> {
  if (!base.startsWith("/") || !base.endsWith("/")) {
    throw new Error(`base path must start and end with "/", found ${JSON.stringify(base)}`);
  }
  const siteRoot = resolve(root);
  const server = createServer((request, response) => {
    handleRequest(siteRoot, base, request, response);
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

function handleRequest(
  siteRoot: string,
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    send(response, 405, "method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(response, 400, "invalid percent-encoding in path");
    return;
  }
  if (`${pathname}/` === base) {
    redirect(response, `${base}${url.search}`);
    return;
  }
  if (!pathname.startsWith(base) || pathname.includes("\0")) {
    send(response, 404, "not found");
    return;
  }
  const file = resolve(siteRoot, `.${sep}${pathname.slice(base.length)}`);
  // resolve() has already removed any "..", so a path outside the site can only mean traversal.
  if (file !== siteRoot && !file.startsWith(`${siteRoot}${sep}`)) {
    send(response, 404, "not found");
    return;
  }
  const stats = statOrUndefined(file);
  if (stats?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      redirect(response, `${url.pathname}/${url.search}`);
      return;
    }
    serveFile(join(file, "index.html"), request, response);
    return;
  }
  serveFile(file, request, response);
}

function serveFile(file: string, request: IncomingMessage, response: ServerResponse): void {
  const stats = statOrUndefined(file);
  if (!stats?.isFile()) {
    send(response, 404, "not found");
    return;
  }
  response.writeHead(200, {
    "Content-Type": contentTypeFor(file),
    "Content-Length": stats.size,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function redirect(response: ServerResponse, location: string): void {
  send(response, 301, `moved to ${location}`, { Location: location });
}

function send(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  response.end(`${message}\n`);
}
