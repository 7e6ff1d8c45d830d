// Open-model HTTP load generator (fixed arrival rate), a small stand-in for wrk2, which
// Debian does not package. Node 22, built-in modules only.
//
//   node openload.mjs --url http://127.0.0.1:8001/graphql --rate 200 --duration 10 \
//       --body r1.json [--bodies bodies.jsonl] [--header "Authorization: Bearer ..."] \
//       [--connections 64] [--timeout 10] [--drain 2] [--user-errors]
//   node openload.mjs --serve 8099      # a trivial endpoint, for measuring this tool
//
// Request i is *intended* at t0 + i/rate and its latency is measured from that intended
// time, not from when it was actually written: when the server (or the connection cap)
// holds requests back, the wait counts, which is what avoids coordinated omission.
// At most --connections requests are in flight (keep-alive sockets); requests due while
// all are busy wait in a queue, and the run is flagged "saturated". The timer loop's own
// lateness is measured too: if it cannot keep the schedule (CPU starved), the run is
// flagged "generator_behind". Either sets "fell_behind". Prints one JSON object.
//
// Bodies: --body FILE (one JSON body for every request) or --bodies FILE (one body per
// line, request i sends line i mod n). An answer is an error when its status is not 200,
// its body has "errors", or (--user-errors) it has a non-empty "userErrors" list.
import http from "node:http";
import net from "node:net";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    url: { type: "string" },
    rate: { type: "string" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
    timeout: { type: "string", default: "10" },
    drain: { type: "string", default: "2" },
    body: { type: "string" },
    bodies: { type: "string" },
    header: { type: "string", multiple: true, default: [] },
    "user-errors": { type: "boolean", default: false },
    serve: { type: "string" },
  },
});

// A scheduler lateness above this (p99, ms) means the generator itself fell behind.
const LAG_LIMIT_MS = 5;
const USER_ERRORS = /"userErrors"\s*:\s*\[\s*\{/;

/** One keep-alive HTTP/1.1 connection: writes a prebuilt request, parses the answer
 * (Content-Length or chunked), calls back with (connection, request index, status, body).
 * A hand-written client: node:http costs several times more CPU per request. */
class Connection {
  constructor(target, timeoutMs, callback) {
    this.alive = true;
    this.request = -1;
    this.buffer = Buffer.alloc(0);
    this.callback = callback;
    this.socket = net.connect({ host: target.hostname, port: Number(target.port) || 80 });
    this.socket.setNoDelay(true);
    this.socket.setTimeout(timeoutMs, () => this.close("timeout"));
    this.socket.on("data", (chunk) => this.receive(chunk));
    this.socket.on("error", (error) => this.close(String(error)));
    this.socket.on("close", () => this.close("connection closed"));
  }

  send(request, bytes) {
    this.request = request;
    this.socket.write(bytes);
  }

  close(reason) {
    if (!this.alive) return;
    this.alive = false;
    this.socket.destroy();
    const request = this.request;
    this.request = -1;
    if (request >= 0) this.callback(this, request, 0, reason);
  }

  receive(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0 || this.request < 0) return;
    const head = this.buffer.toString("latin1", 0, end);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body;
    let rest;
    if (length) {
      const stop = end + 4 + Number(length[1]);
      if (this.buffer.length < stop) return;
      body = this.buffer.toString("utf8", end + 4, stop);
      rest = this.buffer.subarray(stop);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts = [];
      let at = end + 4;
      for (;;) {
        const line = this.buffer.indexOf("\r\n", at);
        if (line < 0) return;
        const size = parseInt(this.buffer.toString("latin1", at, line), 16);
        if (this.buffer.length < line + 2 + size + 2) return;
        if (size === 0) break;
        parts.push(this.buffer.toString("utf8", line + 2, line + 2 + size));
        at = line + 2 + size + 2;
      }
      body = parts.join("");
      rest = Buffer.alloc(0);
    } else {
      this.close("an answer without Content-Length or chunked encoding");
      return;
    }
    this.buffer = rest;
    if (/\r\nconnection:\s*close/i.test(head)) this.alive = false;
    const request = this.request;
    this.request = -1;
    this.callback(this, request, status, body);
    if (!this.alive) this.socket.destroy();
  }
}

function percentile(sorted, percent) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

async function main() {
  const target = new URL(opts.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) {
    throw new Error(`refusing to load ${target.hostname}: only this machine's loopback`);
  }
  const rate = Number(opts.rate);
  const duration = Number(opts.duration);
  const maxInFlight = Number(opts.connections);
  const timeoutMs = Number(opts.timeout) * 1000;
  const lines = opts.bodies
    ? readFileSync(opts.bodies, "utf8").split("\n").filter((line) => line.trim())
    : [readFileSync(opts.body, "utf8")];
  // Every request's bytes are made once: a run only writes prebuilt buffers.
  let preamble = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n`;
  preamble += "Content-Type: application/json\r\nAccept: application/json\r\n";
  for (const header of opts.header) preamble += `${header.trim()}\r\n`;
  // A line may carry its own Authorization: "Bearer ...<TAB>{...}" (one caller per request).
  const requests = lines.map((line) => {
    const tab = line.startsWith("{") ? -1 : line.indexOf("\t");
    const own = tab < 0 ? "" : `Authorization: ${line.slice(0, tab)}\r\n`;
    const body = Buffer.from(tab < 0 ? line : line.slice(tab + 1));
    return Buffer.concat([
      Buffer.from(`${preamble}${own}Content-Length: ${body.length}\r\n\r\n`),
      body,
    ]);
  });
  const total = Math.floor(rate * duration);
  const latency = new Float64Array(total).fill(-1);
  const lag = new Float64Array(total); // timer lateness when request i became due
  const waiting = new Int32Array(total); // FIFO of due requests beyond the in-flight cap
  let head = 0;
  let tail = 0;
  let next = 0;
  let inFlight = 0;
  let written = 0;
  let maxOutstanding = 0;
  let completed = 0;
  let errors = 0;
  let errorSample = "";
  let lastDone = 0;
  let over = false; // set when the run ends: later answers are ignored
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const idle = []; // keep-alive connections ready for a request (LIFO: reuse warm ones)
  const open = new Set();
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now() + 20; // a moment to settle before the first request
  const intended = (i) => t0 + (i * 1000) / rate;

  function fail(text) {
    errors += 1;
    if (!errorSample) errorSample = text.slice(0, 300);
  }

  function done(i, status, text) {
    const now = performance.now();
    latency[i] = now - intended(i);
    lastDone = now;
    completed += 1;
    inFlight -= 1;
    if (status !== 200 || text.includes('"errors"')) fail(`${status} ${text}`);
    else if (opts["user-errors"] && USER_ERRORS.test(text)) fail(`userErrors ${text}`);
    if (head < tail) send(waiting[head++]);
    if (next >= total && inFlight === 0) finish();
  }

  function connect() {
    const connection = new Connection(target, timeoutMs, (conn, request, status, text) => {
      if (conn.alive) idle.push(conn);
      else open.delete(conn);
      if (!over) done(request, status, text);
    });
    open.add(connection);
    return connection;
  }

  function send(i) {
    inFlight += 1;
    written += 1;
    let connection = idle.pop();
    while (connection && !connection.alive) connection = idle.pop();
    (connection ?? connect()).send(i, requests[i % requests.length]);
  }

  function tick() {
    const now = performance.now();
    while (next < total && intended(next) <= now) {
      lag[next] = now - intended(next);
      if (inFlight < maxInFlight) send(next);
      else waiting[tail++] = next;
      next += 1;
    }
    maxOutstanding = Math.max(maxOutstanding, inFlight + tail - head);
    if (next < total) setTimeout(tick, Math.max(0, intended(next) - performance.now()));
    else if (inFlight === 0) finish();
  }

  setTimeout(tick, Math.max(0, t0 - performance.now()));
  // Requests still unanswered --drain seconds after the last one was due are given up on
  // (their latency is already far beyond any limit that matters here).
  const drainMs = Number(opts.drain) * 1000;
  let giveUp;
  await Promise.race([
    finished,
    new Promise((resolve) => (giveUp = setTimeout(resolve, duration * 1000 + drainMs + 100))),
  ]);
  clearTimeout(giveUp); // or the pending timer would keep the process alive
  const end = performance.now();
  over = true;
  const cpu = process.cpuUsage(cpuBefore);
  for (const connection of open) connection.socket.destroy();
  // Requests never answered (or never sent) count as errors; their latency, at least
  // end - intended, stays in the distribution as a lower bound.
  let unanswered = 0;
  for (let i = 0; i < total; i += 1) {
    if (latency[i] < 0) {
      latency[i] = end - intended(i);
      unanswered += 1;
    }
  }
  if (unanswered && !errorSample) errorSample = `${unanswered} unanswered within the drain time`;
  const sorted = Float64Array.from(latency).sort();
  const lags = Float64Array.from(lag.subarray(0, next)).sort();
  const lagP99 = percentile(lags, 99) ?? 0;
  const saturated = maxOutstanding > maxInFlight;
  const generatorBehind = lagP99 > LAG_LIMIT_MS || next < total;
  const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
  const elapsed = Math.max(lastDone - t0, 1) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result = {
    url: opts.url,
    target_rate: rate,
    duration_s: duration,
    connections: maxInFlight,
    scheduled: next,
    sent: written,
    completed,
    errors: errors + unanswered,
    unanswered,
    error_sample: errorSample,
    achieved_rate: round(completed / elapsed),
    latency_ms: {
      50: round(percentile(sorted, 50)),
      90: round(percentile(sorted, 90)),
      99: round(percentile(sorted, 99)),
      99.9: round(percentile(sorted, 99.9)),
      max: round(sorted.length ? sorted[sorted.length - 1] : null),
    },
    max_outstanding: maxOutstanding,
    saturated,
    scheduler_lag_ms: { 99: round(lagP99), max: round(lags.length ? lags[lags.length - 1] : 0) },
    generator_behind: generatorBehind,
    fell_behind: saturated || generatorBehind,
    generator_cpu_s: round(cpuSeconds),
    generator_cpu_percent: round((100 * cpuSeconds) / ((end - t0) / 1000)),
  };
  console.log(JSON.stringify(result));
}

function serve() {
  if (opts.serve === undefined) return false;
  // The trivial endpoint: reads the request, answers a fixed small JSON body.
  const answer = Buffer.from('{"data":{"ok":true}}');
  http
    .createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": answer.length });
        res.end(answer);
      });
    })
    .listen(Number(opts.serve), "127.0.0.1", () => console.log(`serving ${opts.serve}`));
  return true;
}

if (!serve()) await main();
