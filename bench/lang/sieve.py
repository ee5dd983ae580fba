n = 5000000
composite = [False] * (n + 1)
primes = []
for i in range(2, n + 1):
    if not composite[i]:
        primes.append(i)
        for j in range(i * i, n + 1, i):
            composite[j] = True
last = {}
for p in primes:
    d = p % 10
    last[d] = last.get(d, 0) + 1
print(len(primes), last.get(1), last.get(3), last.get(7), last.get(9))
