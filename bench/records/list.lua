-- wrk script: GET the url, as a guest or, with BENCH_AS_USER=1, with data.lua's user token;
-- answers other than 200 are counted and printed at the end.
dofile(os.getenv("BENCH_DATA"))
local auth = os.getenv("BENCH_AS_USER") == "1" and user_token or ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
  if auth ~= "" then wrk.headers["Authorization"] = auth end
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("failed") end
  io.write(string.format("failed answers: %d\n", f))
end
