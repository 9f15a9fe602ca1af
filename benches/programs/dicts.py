# Dictionary insertion, lookup, update and iteration.
def run(n):
    d = {}
    for i in range(n):
        d[i % 5000] = d.get(i % 5000, 0) + i
    words = {}
    for i in range(n // 4):
        k = "k" + str(i % 997)
        words[k] = words.get(k, 0) + 1
    total = 0
    for k, v in d.items():
        total += k * v
    return total % 1000003, len(words), sum(words.values())
print(run(600000))
