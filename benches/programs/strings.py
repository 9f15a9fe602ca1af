# String building, slicing, joining and formatting.
def run(n):
    parts = []
    for i in range(n):
        s = "item" + str(i)
        parts.append(s[1:] + s[:2])
    text = ",".join(parts)
    count = 0
    for p in text.split(","):
        if p.endswith("9it"):
            count += 1
    return len(text), count, "%d-%s" % (n, parts[-1]), f"{n:>8}|{count:x}"
print(run(200000))
