-- wrk script: POST GraphQL request bodies read from a file.
--
--   BODY_FILE=r1.json AUTHORIZATION="Bearer bt_live_..." \
--     wrk --latency -t1 -c8 -d10s -s bench/load/post.lua http://127.0.0.1:8001/graphql
--
-- BODY_FILE: one JSON body ({"query": ..., "variables": ...}) sent on every request; or
-- BODIES_FILE: one JSON body per line, sent in turn (line 1, 2, ..., n, 1, ...; each wrk
-- thread walks the list from its own starting line), e.g. W1's adjustments of random items.
-- AUTHORIZATION: the whole Authorization header value; unset or empty sends none. A line
-- may carry its own: "Bearer bt_live_...<TAB>{...}" (many callers, one per request).
-- Every answer is inspected: a status other than 200, or a body with "errors", counts as
-- a GraphQL error; with USER_ERRORS=1 so does a non-empty "userErrors" list. done() prints
-- one line "wrk-lua {json}" with those counts and exact latency percentiles
-- (microseconds), which bench/load/wrk.py reads.

local function read(path)
  local handle = assert(io.open(path, "rb"))
  local text = handle:read("*a")
  handle:close()
  return text
end

local bodies = {}
local authorizations = {}
local function add(line)
  local authorization, body = string.match(line, "^([^\t{][^\t]*)\t(.*)$")
  table.insert(bodies, body or line)
  table.insert(authorizations, authorization or false)
end
local bodies_file = os.getenv("BODIES_FILE")
local body_file = os.getenv("BODY_FILE")
if bodies_file ~= nil and bodies_file ~= "" then
  for line in string.gmatch(read(bodies_file), "[^\n]+") do
    add(line)
  end
elseif body_file ~= nil and body_file ~= "" then
  add(read(body_file))
end
if #bodies == 0 then
  error("BODY_FILE or BODIES_FILE must name the JSON body (bodies) to POST")
end
local check_user_errors = os.getenv("USER_ERRORS") == "1"

wrk.method = "POST"
wrk.body = bodies[1]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local authorization = os.getenv("AUTHORIZATION")
if authorizations[1] then
  authorization = authorizations[1]
end
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

-- Only with several bodies: a request() function makes wrk build every request anew,
-- while a single body is sent from wrk's prebuilt buffer.
if #bodies > 1 then
  local sent = 0
  function request()
    sent = sent + 1
    local index = ((offset or 0) * 997 + sent - 1) % #bodies + 1
    if authorizations[index] then
      wrk.headers["Authorization"] = authorizations[index]
    end
    return wrk.format(nil, nil, nil, bodies[index])
  end
end

-- Per thread (each thread has its own Lua state).
answers = 0
failed = 0
sample = ""

function response(status, headers, answer)
  answers = answers + 1
  if status ~= 200 or string.find(answer, '"errors"', 1, true)
    or (check_user_errors and string.find(answer, '"userErrors"%s*:%s*%[%s*{')) then
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
