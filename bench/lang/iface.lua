-- iface.lua: iface.go's method calls in Lua (tables with metatables as the shapes).
local Rect = {}; Rect.__index = Rect
function Rect.new(w, h) return setmetatable({w = w, h = h}, Rect) end
function Rect:area() return self.w * self.h end
function Rect:scale(f) self.w = self.w * f; self.h = self.h * f end
local Circle = {}; Circle.__index = Circle
function Circle.new(r) return setmetatable({r = r}, Circle) end
function Circle:area() return 3.0 * self.r * self.r end
function Circle:scale(f) self.r = self.r * f end
local Square = {}; Square.__index = Square
function Square.new(s) return setmetatable({s = s}, Square) end
function Square:area() return self.s * self.s end
function Square:scale(f) self.s = self.s * f end

local shapes = {}
for i = 0, 99 do
  local k = i % 3
  if k == 0 then shapes[#shapes + 1] = Rect.new(i % 7 + 1, 2)
  elseif k == 1 then shapes[#shapes + 1] = Circle.new(i % 5 + 1)
  else shapes[#shapes + 1] = Square.new(i % 4 + 1) end
end
local total = 0.0
for round = 0, 24999 do
  local f = 1.0001
  if round % 2 == 1 then f = 1 / 1.0001 end
  for _, s in ipairs(shapes) do
    s:scale(f)
    total = total + s:area()
  end
end
print(string.format("%.0f", total))
