# strings.py: strings.go's string work in Python.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
counts = {}
total = 0
for i in range(200000):
    line = "%s %d %s-%d  %s" % (words[i % 8], i % 100, words[(i // 8) % 8], i % 7, words[(i * 3) % 8])
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
        total += len(w)
print(len(counts), total, counts["alpha"], counts["42"])
