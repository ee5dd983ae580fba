local n = 5000000
local composite = {}
local primes = {}
for i = 2, n do
  if not composite[i] then
    primes[#primes + 1] = i
    for j = i * i, n, i do
      composite[j] = true
    end
  end
end
local last = {}
for _, p in ipairs(primes) do
  local d = p % 10
  last[d] = (last[d] or 0) + 1
end
print(#primes, last[1], last[3], last[7], last[9])
