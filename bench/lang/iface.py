# iface.py: iface.go's method calls in Python.
class Rect:
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
    def scale(self, f): self.w *= f; self.h *= f
class Circle:
    def __init__(self, r): self.r = r
    def area(self): return 3.0 * self.r * self.r
    def scale(self, f): self.r *= f
class Square:
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
    def scale(self, f): self.s *= f

shapes = []
for i in range(100):
    k = i % 3
    if k == 0: shapes.append(Rect(float(i % 7 + 1), 2.0))
    elif k == 1: shapes.append(Circle(float(i % 5 + 1)))
    else: shapes.append(Square(float(i % 4 + 1)))
total = 0.0
for rnd in range(25000):
    f = 1.0001 if rnd % 2 == 0 else 1 / 1.0001
    for s in shapes:
        s.scale(f)
        total += s.area()
print("%.0f" % total)
