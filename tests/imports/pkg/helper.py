def greet(name):
    return "hi " + name
print("helper loaded", __name__, __package__)
