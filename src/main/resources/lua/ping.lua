-- Answers with Redis server time in microseconds and ARGV[1]: proves scripts run and load.
local now = redis.call('TIME')
return {tonumber(now[1]) * 1000000 + tonumber(now[2]), ARGV[1]}
