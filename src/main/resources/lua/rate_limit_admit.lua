-- Admits one request under every rate-limit scope it falls in (the tenant's, and its agent
-- type's when that has limits of its own) and counts it in all of them, or in none: when any
-- scope is full nothing is written anywhere (all or nothing, one round trip).
--
-- Algorithm: a sliding window log. Every admitted request is one member of a sorted set, scored
-- by its admission time; a request fits while fewer than N members (or fewer than N tokens)
-- were admitted in the last window. Chosen over GCRA and the token bucket (equivalent to each
-- other) because it is exact for what the configuration says, "N per minute": no 60-second
-- interval ever holds more than N admitted requests or N counted tokens, whatever the timing.
-- A bucket admits a full burst and then refills, so a minute that straddles a burst can hold
-- nearly 2N; fixed windows allow 2N around a boundary; a sliding counter interpolates between
-- two windows and is only approximately right. The price is one member per request admitted
-- in the last window (bounded by the limit for requests) and O(log n) per admission.
-- Tokens share the log: a member is "<id>:<tokens>" and a counter beside the log holds their
-- sum, so settling a request (refund or charge, rate_limit_settle.lua) rewrites one member.
-- Concurrent streams are leases: a sorted set of request ids scored by expiry, renewed while
-- the stream runs (rate_limit_renew.lua); a lease whose instance died simply expires.
--
-- Time is the Redis server's (TIME), so instances with skewed clocks agree. Every key carries
-- the tenant's hash tag and is passed in KEYS, so the script runs on Redis Cluster as well.
--
-- KEYS: three per scope: log (ZSET "<id>:<tokens>" -> admitted at, us), sum (tokens in the
--   log), leases (ZSET "<id>" -> expires at, us)
-- ARGV: window us, lease ttl us, request id, tokens to reserve, then per scope its limits:
--   requests, tokens, streams (0 = no limit)
-- Returns {1, requests limit, remaining, reset us, tokens limit, remaining, reset us} (limit -1
--   when no scope limits that dimension; the tightest scope is reported), or
--   {0, scope (1-based), dimension (1 requests, 2 tokens, 3 streams), limit, retry after us}
--   where retry after is -1 when the request can never fit (it alone exceeds the limit).
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local window = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local member = ARGV[3] .. ':' .. ARGV[4]
local tokens = tonumber(ARGV[4])
local scopes = #KEYS / 3

local function limits(scope)
  local at = 4 + (scope - 1) * 3
  return tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3])
end

-- #include window_trim

-- How long until enough tokens leave the window for `excess` more to fit: oldest first.
local function token_wait(log, excess)
  local freed, start = 0, 0
  while true do
    local batch = redis.call('ZRANGE', log, start, start + 127, 'WITHSCORES')
    if #batch == 0 then
      return window
    end
    for i = 1, #batch, 2 do
      freed = freed + tonumber(string.match(batch[i], ':(%d+)$'))
      if freed >= excess then
        return tonumber(batch[i + 1]) + window - now
      end
    end
    start = start + 128
  end
end

-- The tightest scope per dimension: {limit, remaining, reset} for requests, then tokens.
local quota = {-1, 0, 0, -1, 0, 0}
local function tighter(at, limit, remaining, reset)
  if quota[at] < 0 or remaining < quota[at + 1] then
    quota[at], quota[at + 1], quota[at + 2] = limit, remaining, reset
  end
end

for scope = 1, scopes do
  local log, sum, leases = KEYS[scope * 3 - 2], KEYS[scope * 3 - 1], KEYS[scope * 3]
  local max_requests, max_tokens, max_streams = limits(scope)
  if max_requests > 0 or max_tokens > 0 then
    trim(log, sum)
    local count = redis.call('ZCARD', log)
    if max_requests > 0 and count >= max_requests then
      -- One more fits once the member at rank count - limit has left the window.
      local blocking = redis.call('ZRANGE', log, count - max_requests, count - max_requests, 'WITHSCORES')
      return {0, scope, 1, max_requests, tonumber(blocking[2]) + window - now}
    end
    local used = tonumber(redis.call('GET', sum) or '0')
    if max_tokens > 0 and tokens > max_tokens then
      return {0, scope, 2, max_tokens, -1}
    end
    if max_tokens > 0 and used + tokens > max_tokens then
      return {0, scope, 2, max_tokens, token_wait(log, used + tokens - max_tokens)}
    end
    local oldest = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
    local reset = window
    if #oldest > 0 then
      reset = tonumber(oldest[2]) + window - now
    end
    if max_requests > 0 then
      tighter(1, max_requests, max_requests - count - 1, reset)
    end
    if max_tokens > 0 then
      tighter(4, max_tokens, max_tokens - used - tokens, reset)
    end
  end
  if max_streams > 0 then
    redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
    if redis.call('ZCARD', leases) >= max_streams then
      -- A lease frees when a stream ends, which nobody can predict: retry in a second.
      return {0, scope, 3, max_streams, 1000000}
    end
  end
end

local keep_log = math.floor(window / 1000) + 1000
local keep_leases = math.floor(ttl / 1000) + 1000
for scope = 1, scopes do
  local log, sum, leases = KEYS[scope * 3 - 2], KEYS[scope * 3 - 1], KEYS[scope * 3]
  local max_requests, max_tokens, max_streams = limits(scope)
  if max_requests > 0 or max_tokens > 0 then
    redis.call('ZADD', log, now, member)
    redis.call('INCRBY', sum, tokens)
    redis.call('PEXPIRE', log, keep_log)
    redis.call('PEXPIRE', sum, keep_log)
  end
  if max_streams > 0 then
    redis.call('ZADD', leases, now + ttl, ARGV[3])
    redis.call('PEXPIRE', leases, keep_leases)
  end
end
return {1, quota[1], quota[2], quota[3], quota[4], quota[5], quota[6]}
