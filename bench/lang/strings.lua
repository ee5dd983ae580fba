-- strings.lua: strings.go's string work in Lua.
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local counts, ncounts, total = {}, 0, 0
for i = 0, 199999 do
  local line = string.format("%s %d %s-%d  %s", words[i % 8 + 1], i % 100, words[(i // 8) % 8 + 1], i % 7,
                             words[(i * 3) % 8 + 1])
  for w in line:gmatch("%S+") do
    if counts[w] == nil then ncounts = ncounts + 1; counts[w] = 0 end
    counts[w] = counts[w] + 1
    total = total + #w
  end
end
print(ncounts, total, counts["alpha"], counts["42"])
