# `string.capwords`, written in Python (the constants are in string.rs).
def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))
