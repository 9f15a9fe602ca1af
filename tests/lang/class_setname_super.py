# __set_name__ is called for every descriptor of the class body as it was when the class was
# made, even if an earlier call replaces or adds class attributes; and repr of super() objects
# bound to an instance or to a class.
class Named:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        print('set_name', self.tag, owner.__name__, name)
        if name == 'a':
            owner.b = 'replaced'
            owner.late = Named('late')

class C:
    a = Named('first')
    b = Named('second')
    c = 5
    d = Named('third')

print(C.b, C.c, C.late.tag, sorted(k for k in vars(C) if not k.startswith('__')))

class A:
    def m(self):
        return super(A, self)
    @classmethod
    def cm(cls):
        return super(A, cls)
class B(A):
    pass
print(repr(B().m()).split(' object at')[0])
print(repr(B.cm()))
print(repr(super(B, B)))
