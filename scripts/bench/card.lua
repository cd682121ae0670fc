-- wrk script: each request opens the next customer's card from $CARD_PATHS (one /c/{token} per line),
-- so concurrent connections read different customers, as phones across a city would.
local paths = {}
for line in io.lines(os.getenv("CARD_PATHS")) do paths[#paths + 1] = line end
local i = 0

function setup(thread)
  i = i + 1
  thread:set("offset", i * 97)
end

function init(args)
  i = offset or 0
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
