-- wrk script: POST one GraphQL request body, read from a file, on every request.
--
--   BODY_FILE=r1.json AUTHORIZATION="Bearer bt_live_..." \
--     wrk --latency -t1 -c8 -d10s -s bench/load/post.lua http://127.0.0.1:8001/graphql
--
-- BODY_FILE: a JSON body ({"query": ..., "variables": ...}); required.
-- AUTHORIZATION: the whole Authorization header value; unset or empty sends none.
-- Every answer is inspected: a status other than 200, or a body with "errors", counts as
-- a GraphQL error. done() prints one line "wrk-lua {json}" with those counts and exact
-- latency percentiles (microseconds), which bench/load/wrk.py reads.

local body_file = os.getenv("BODY_FILE")
if body_file == nil or body_file == "" then
  error("BODY_FILE must name the JSON body to POST")
end
local handle = assert(io.open(body_file, "rb"))
local body = handle:read("*a")
handle:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local authorization = os.getenv("AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (each thread has its own Lua state).
answers = 0
failed = 0
sample = ""

function response(status, headers, answer)
  answers = answers + 1
  if status ~= 200 or string.find(answer, '"errors"', 1, true) then
    failed = failed + 1
    if sample == "" then
      sample = tostring(status) .. " " .. string.sub(answer, 1, 300)
    end
  end
end

local function quote(text)
  return '"' .. string.gsub(text, '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

function done(summary, latency, requests)
  local total_answers, total_failed, first_sample = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_answers = total_answers + thread:get("answers")
    total_failed = total_failed + thread:get("failed")
    if first_sample == "" then
      first_sample = thread:get("sample")
    end
  end
  local parts = {}
  for _, p in ipairs({ 50, 75, 90, 95, 99, 99.9 }) do
    table.insert(parts, string.format('"%s": %d', tostring(p), latency:percentile(p)))
  end
  io.write(string.format(
    'wrk-lua {"requests": %d, "duration_us": %d, "answers": %d, "graphql_errors": %d, '
      .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "status_errors": %d, '
      .. '"timeouts": %d, "latency_us": {%s}, "mean_us": %.1f, "max_us": %d, "sample": %s}\n',
    summary.requests, summary.duration, total_answers, total_failed,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, table.concat(parts, ", "), latency.mean, latency.max,
    quote(first_sample)
  ))
end
