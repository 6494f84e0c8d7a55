-- wrk script: each request creates a post (random title, description, public, type and author
-- from data.lua); answers other than 200 are counted and printed at the end.
dofile(os.getenv("BENCH_DATA"))

local threads = {}
local words = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
  "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua" }
local types = { "a", "b", "c", "d" }

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

local function sentence(n)
  local out = {}
  for i = 1, n do out[i] = words[math.random(#words)] end
  return table.concat(out, " ")
end

function request()
  local picked = {}
  for i = 1, math.random(0, 3) do picked[#picked + 1] = '"' .. types[i] .. '"' end
  local body = string.format(
    '{"title":"%s","description":"<p>%s</p><p>%s</p>","public":%s,"type":[%s],"author":"%s"}',
    sentence(4), sentence(40), sentence(30), math.random(2) == 1 and "true" or "false",
    table.concat(picked, ","), authors[math.random(#authors)])
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("failed") end
  io.write(string.format("failed answers: %d\n", f))
end
